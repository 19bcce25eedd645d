using HeuristicsMiner.Algorithm.Model;
using HeuristicsMiner.Algorithm.Summaries;

namespace HeuristicsMiner.Tests.Algorithm;

/// <summary>
/// Streams traced by hand through BRIEF §3. Stream S = case 1: a b a b c, case 2: a b c, interleaved as
/// 1:a 1:b 2:a 1:a 2:b 1:b 2:c 1:c.
/// </summary>
public class LossyCountingHandComputedTests
{
    private const string S = "1:a 1:b 2:a 1:a 2:b 1:b 2:c 1:c";

    [Fact]
    public void Epsilon_quarter_prunes_at_events_4_and_8_as_traced_by_hand()
    {
        // ε = 0.25 → w = 4.
        // N=1..4 (b=1, new Δ=0): a(3,0) b(1,0); 1:(a,b,3,0) 2:(a,-,1,0); R ab(1,0) ba(1,0); L2 a>>b(1,0); S a(2,0).
        //   prune b=1 (f+Δ ≤ 1): b, ab, ba, a>>b, case 2 go.
        // N=5..8 (b=2, new Δ=1): b(2,1) c(2,1); case 2 re-enters (b,-,1,1)→(c,b,2,1); 1:(c,b,5,0);
        //   R ab(1,1) bc(2,1); L2 b>>a(1,1); S b(1,1).
        //   prune b=2: ab(1+1), b>>a(1+1), S a(2+0), S b(1+1) go.
        var summary = Feed.All(new LossyCountingSummary(0.25), Feed.Parse(S));
        var counts = summary.GetCounts();

        Assert.Equal(4, summary.BucketWidth);
        Assert.Equal(2, summary.CurrentBucket);
        Assert.Equal(8, counts.EventsProcessed);
        Assert.Equal(["a:3/0", "b:2/1", "c:2/1"], Feed.Table(counts.Activities));
        Assert.Equal(["b>c:2/1"], Feed.Table(counts.Relations));
        Assert.Empty(counts.LoopPatterns);
        Assert.Empty(counts.StartActivities);
        Assert.Equal(2, counts.Cases);
        Assert.Equal(2, counts.MaxMissedCount);
    }

    [Fact]
    public void Epsilon_half_keeps_only_the_long_case_entry()
    {
        // ε = 0.5 → w = 2; stream 1:A 1:B 2:A 1:C 2:B 2:C.
        // N=2 prune b=1: everything but case 1 (f=2). N=4 prune b=2: all but case 1 (f=3).
        // N=6 prune b=3: case 1 (3+0) goes, case 2 (re-entered at N=5 with Δ=2, f=2) stays.
        var counts = Feed.All(new LossyCountingSummary(0.5), Feed.Parse("1:A 1:B 2:A 1:C 2:B 2:C")).GetCounts();

        Assert.Equal(2, counts.BucketWidth);
        Assert.Equal(3, counts.CurrentBucket);
        Assert.Empty(counts.Activities);
        Assert.Empty(counts.Relations);
        Assert.Equal(1, counts.Cases);
    }

    [Fact]
    public void Exact_counting_matches_the_directly_follows_counts_written_by_hand()
    {
        var counts = Feed.All(new LossyCountingSummary(0), Feed.Parse(S)).GetCounts();

        Assert.Equal(0, counts.BucketWidth);
        Assert.Equal(["a:3/0", "b:3/0", "c:2/0"], Feed.Table(counts.Activities));
        // case 1: ab ba ab bc; case 2: ab bc
        Assert.Equal(["a>b:3/0", "b>a:1/0", "b>c:2/0"], Feed.Table(counts.Relations));
        // "a b a" gives a>>b, "b a b" gives b>>a
        Assert.Equal(["a>b:1/0", "b>a:1/0"], Feed.Table(counts.LoopPatterns));
        Assert.Equal(["a:2/0"], Feed.Table(counts.StartActivities));
    }

    [Fact]
    public void Model_of_the_hand_stream_has_the_hand_computed_arcs_and_loop()
    {
        var counts = Feed.All(new LossyCountingSummary(0), Feed.Parse(S)).GetCounts();
        var thresholds = new ModelThresholds(DependencyThreshold: 0.5, PositiveObservations: 1, LoopTwoThreshold: 0.5);

        var net = HeuristicsNetBuilder.Build(counts, thresholds);

        // a=>b = (3-1)/(3+1+1) = 0.4 < 0.5, but a>>b + b>>a = 2 → a=>2 b = 2/3 ≥ 0.5 adds a->b and b->a.
        // b=>c = 2/3.
        var arcs = net.Arcs.Select(a => $"{a.From}>{a.To}:{a.Frequency}:{a.Dependency:F4}").ToArray();
        Assert.Equal(["a>b:3:0.6667", "b>a:1:0.6667", "b>c:2:0.6667"], arcs);
        var loop = Assert.Single(net.LengthTwoLoops);
        Assert.Equal(("a", "b", 2L), (loop.A, loop.B, loop.Frequency));
        Assert.Equal(["a"], net.StartActivities);
        Assert.Equal(["c"], net.EndActivities);
    }
}
