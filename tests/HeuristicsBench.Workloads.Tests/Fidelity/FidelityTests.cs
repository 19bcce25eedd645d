using HeuristicsBench.Workloads.Fidelity;
using HeuristicsBench.Workloads.Models;
using HeuristicsMiner.Algorithm.Model;
using HeuristicsMiner.Algorithm.Summaries;

namespace HeuristicsBench.Workloads.Tests.Fidelity;

public class FidelityTests
{
    private static HeuristicsNet Net(params (string From, string To)[] arcs) =>
        new([], [.. arcs.Select(a => new DependencyArc(a.From, a.To, 10, 0.95))], [], [], []);

    private static GroundTruth Truth(params (string From, string To)[] relations) =>
        new([], [.. relations.Select(r => new CausalRelation(r.From, r.To))], [], []);

    [Fact]
    public void Precision_recall_and_f1_count_arcs_against_true_relations()
    {
        // mined {a>b, b>c, c>a}, true {a>b, b>c, b>d}: TP 2, FP 1, FN 1.
        var f = ArcFidelity.Of(Net(("a", "b"), ("b", "c"), ("c", "a")), Truth(("a", "b"), ("b", "c"), ("b", "d")));
        Assert.Equal((2, 1, 1), (f.TruePositives, f.FalsePositives, f.FalseNegatives));
        Assert.Equal(2.0 / 3, f.Precision, 12);
        Assert.Equal(2.0 / 3, f.Recall, 12);
        Assert.Equal(2.0 / 3, f.F1, 12);
    }

    [Fact]
    public void Empty_models_are_vacuously_precise_and_score_zero_against_a_real_truth()
    {
        var f = ArcFidelity.Of(Net(), Truth(("a", "b")));
        Assert.Equal((1.0, 0.0, 0.0), (f.Precision, f.Recall, f.F1));
        Assert.Equal(1.0, ArcFidelity.Of(Net(), Truth()).F1);
        Assert.Equal(1.0, ArcFidelity.Of(Net(("a", "a")), Truth(("a", "a"))).F1);
    }

    private static MinedModel Mined(params (string From, string To, long F)[] relations)
    {
        var counts = new SummaryCounts(SummaryVariant.LossyCounting, 100, 0, 0, 0, null, null, 0, 0, 0,
            [], [.. relations.Select(r => new PairCountEntry(r.From, r.To, r.F, 0))], [], []);
        return MinedModel.From(counts, new ModelThresholds(DependencyThreshold: 0.5, PositiveObservations: 1));
    }

    [Fact]
    public void Similarity_compares_arc_sets_and_dependencies_pair_by_pair()
    {
        // A: a>b 9 (dep 0.9), b>c 4 (0.8). B: a>b 9 (0.9), b>c 1 (0.5), c>b 1 → b>c dep 0, c>b dep 0.
        var a = Mined(("a", "b", 9), ("b", "c", 4));
        var b = Mined(("a", "b", 9), ("b", "c", 1), ("c", "b", 1));
        var s = ModelSimilarity.Of(a, b);
        Assert.Equal(0.5, s.ArcJaccard, 12);          // arcs A {a>b, b>c}, B {a>b}
        Assert.Equal(2.0 / 3, s.ArcF1, 12);
        // pairs: a>b diff 0; b>c: 0.8 vs 0; c>b: A -0.8 (0-4)/5 vs B 0.
        Assert.Equal(0.8, s.MaxDependencyDifference, 12);
        Assert.Equal(1.6 / 3, s.MeanDependencyDifference, 12);
        Assert.Equal(new ModelSimilarity(1, 1, 0, 0), ModelSimilarity.Of(a, a));
    }
}
