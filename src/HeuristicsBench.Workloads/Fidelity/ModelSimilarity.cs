using HeuristicsMiner.Algorithm.Model;
using HeuristicsMiner.Algorithm.Summaries;

namespace HeuristicsBench.Workloads.Fidelity;

/// <summary>
/// Similarity of two mined models (e.g. a faulted run against its baseline at equal offsets): Jaccard and F1
/// of their arc sets (1 when both are empty), and the largest and mean absolute difference of the dependency
/// a=&gt;b over every pair observed by either model (each computed from that model's own counts; 0 if none).
/// </summary>
public sealed record ModelSimilarity(double ArcJaccard, double ArcF1, double MaxDependencyDifference, double MeanDependencyDifference)
{
    public static ModelSimilarity Of(MinedModel a, MinedModel b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var arcsA = a.Net.Arcs.Select(x => (x.From, x.To)).ToHashSet();
        var arcsB = b.Net.Arcs.Select(x => (x.From, x.To)).ToHashSet();
        var common = arcsA.Count(arcsB.Contains);
        var union = arcsA.Count + arcsB.Count - common;
        var jaccard = union == 0 ? 1 : (double)common / union;
        var f1 = arcsA.Count + arcsB.Count == 0 ? 1 : 2.0 * common / (arcsA.Count + arcsB.Count);

        var followsA = Follows(a.Counts);
        var followsB = Follows(b.Counts);
        var pairs = followsA.Keys.Union(followsB.Keys).ToArray();
        if (pairs.Length == 0)
            return new ModelSimilarity(jaccard, f1, 0, 0);
        var differences = pairs.Select(p => Math.Abs(Dependency(followsA, p) - Dependency(followsB, p))).ToArray();
        return new ModelSimilarity(jaccard, f1, differences.Max(), differences.Average());
    }

    private static Dictionary<(string, string), long> Follows(SummaryCounts counts) =>
        counts.Relations.ToDictionary(r => (r.From, r.To), r => r.Frequency);

    private static double Dependency(Dictionary<(string, string), long> follows, (string From, string To) pair) =>
        pair.From == pair.To
            ? DependencyMeasures.SelfLoop(follows.GetValueOrDefault(pair))
            : DependencyMeasures.Dependency(follows.GetValueOrDefault(pair), follows.GetValueOrDefault((pair.To, pair.From)));
}
