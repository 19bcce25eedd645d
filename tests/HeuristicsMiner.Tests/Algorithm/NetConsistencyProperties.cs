using CsCheck;
using HeuristicsMiner.Algorithm.Export;
using HeuristicsMiner.Algorithm.Model;
using HeuristicsMiner.Algorithm.PetriNets;
using HeuristicsMiner.Algorithm.Summaries;

namespace HeuristicsMiner.Tests.Algorithm;

public class NetConsistencyProperties
{
    private static readonly ModelThresholds Permissive = new(DependencyThreshold: 0, PositiveObservations: 1, LoopTwoThreshold: 0.3);

    [Fact]
    public void Every_arc_endpoint_is_a_node_and_every_lossy_net_exports_to_dot_and_pnml()
    {
        var variants = Gen.OneOf(
            RandomStreams.Epsilons.Select(e => (Func<StreamSummary>)(() => new LossyCountingSummary(e))),
            Gen.Long[3, 30].Select(b => (Func<StreamSummary>)(() => new LossyCountingBudgetSummary(b))),
            Gen.Int[1, 20].Select(w => (Func<StreamSummary>)(() => new SlidingWindowSummary(w))));
        Gen.Select(RandomStreams.Of(8, 6, 300), variants).Sample((stream, create) =>
        {
            var net = HeuristicsNetBuilder.Build(Feed.All(create(), stream).GetCounts(), Permissive);
            var nodes = net.Nodes.Select(n => n.Name).ToHashSet();
            Assert.All(net.Arcs, a => Assert.True(nodes.Contains(a.From) && nodes.Contains(a.To), $"{a.From}->{a.To} dangles"));
            Assert.Subset(nodes, net.StartActivities.ToHashSet());
            Assert.Subset(nodes, net.EndActivities.ToHashSet());
            DotWriter.Write(net, TextWriter.Null);
            PnmlWriter.Write(HeuristicsNetToPetriNet.Convert(net), TextWriter.Null);
        }, iter: 300);
    }

    [Fact]
    public void A_relation_whose_source_was_pruned_from_D_A_keeps_its_source_as_a_node()
    {
        // Lossy pruning can drop a from D_A while a > b survives in D_R (cases keep last = a); built by hand here.
        var counts = new SummaryCounts(SummaryVariant.LossyCounting, 10, 0.5, 2, 5, null, null, 5, 1, 0,
            Activities: [new CountEntry("b", 3, 2)],
            Relations: [new PairCountEntry("a", "b", 3, 2)],
            LoopPatterns: [], StartActivities: []);
        var net = HeuristicsNetBuilder.Build(counts, Permissive);
        Assert.Equal(["a", "b"], net.Nodes.Select(n => n.Name).ToArray());
        Assert.Equal(0, net.Nodes[0].Frequency);
        Assert.Equal(["a"], net.StartActivities);
    }

    [Theory]
    [InlineData(0, new[] { "a", "c" })]
    [InlineData(3, new[] { "a" })]
    public void Start_counts_are_trusted_only_while_no_case_was_evicted(long evictions, string[] expectedStarts)
    {
        // c has an incoming arc b->c, so only D_S can make it a start; after evictions D_S may be fake starts.
        var counts = new SummaryCounts(SummaryVariant.LossyCounting, 100, 0.01, 100, 1, null, null, 1, 5, evictions,
            Activities: [new CountEntry("a", 20, 0), new CountEntry("b", 20, 0), new CountEntry("c", 40, 0)],
            Relations: [new PairCountEntry("a", "b", 20, 0), new PairCountEntry("b", "c", 20, 0)],
            LoopPatterns: [], StartActivities: [new CountEntry("a", 20, 0), new CountEntry("c", 20, 0)]);
        var net = HeuristicsNetBuilder.Build(counts, ModelThresholds.Default);
        Assert.Equal(expectedStarts, net.StartActivities);
    }

    [Fact]
    public void Evicted_cases_are_counted_and_survive_snapshots()
    {
        // ε = 0.1 (w = 10): ten cases each do a, then each does b. At N = 10 (b = 1) every case entry (f 1, Δ 0)
        // is pruned; the b events re-create them with Δ = 1, and at N = 20 (b = 2) f + Δ = 2 prunes them again.
        var stream = Enumerable.Range(0, 10).Select(i => ($"c{i}", "a")).Concat(Enumerable.Range(0, 10).Select(i => ($"c{i}", "b")));
        var summary = Feed.All(new LossyCountingSummary(0.1), stream);
        Assert.Equal(20, summary.CaseEvictions);
        Assert.Empty(summary.GetCounts().Relations);
        var restored = (LossyCountingSummary)SummarySnapshot.FromBytes(SummarySnapshot.ToBytes(summary));
        Assert.Equal(20, restored.CaseEvictions);
        Assert.Equal(20, restored.GetCounts().CaseEvictions);
    }
}
