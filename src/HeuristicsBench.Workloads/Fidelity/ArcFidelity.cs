using HeuristicsBench.Workloads.Models;
using HeuristicsMiner.Algorithm.Model;

namespace HeuristicsBench.Workloads.Fidelity;

/// <summary>
/// How well a mined net's arcs (self loops included) match the true causal relations. Precision is 1 when
/// nothing was mined, recall is 1 when nothing is true (vacuous), F1 is 0 when both are 0.
/// </summary>
public sealed record ArcFidelity(int TruePositives, int FalsePositives, int FalseNegatives)
{
    public double Precision => TruePositives + FalsePositives == 0 ? 1 : (double)TruePositives / (TruePositives + FalsePositives);

    public double Recall => TruePositives + FalseNegatives == 0 ? 1 : (double)TruePositives / (TruePositives + FalseNegatives);

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public static ArcFidelity Of(HeuristicsNet mined, GroundTruth truth)
    {
        ArgumentNullException.ThrowIfNull(mined);
        ArgumentNullException.ThrowIfNull(truth);
        var found = mined.Arcs.Select(a => (a.From, a.To)).ToHashSet();
        var expected = truth.Relations.Select(r => (r.From, r.To)).ToHashSet();
        var hits = found.Count(expected.Contains);
        return new ArcFidelity(hits, found.Count - hits, expected.Count - hits);
    }
}
