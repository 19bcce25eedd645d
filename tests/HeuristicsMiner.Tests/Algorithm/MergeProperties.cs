using CsCheck;
using HeuristicsMiner.Algorithm.Summaries;

namespace HeuristicsMiner.Tests.Algorithm;

public class MergeProperties
{
    private static (string, string)[] Renamed((string Case, string Activity)[] stream, string prefix) =>
        [.. stream.Select(e => (prefix + e.Case, e.Activity))];

    [Fact]
    public void Merging_exact_summaries_of_case_disjoint_streams_equals_counting_both_at_once()
    {
        Gen.Select(RandomStreams.Of(5, 6, 300), RandomStreams.Of(5, 6, 300)).Sample((left, right) =>
        {
            var x = Renamed(left, "x");
            var y = Renamed(right, "y");
            var merged = SummaryCountsMerger.Merge([RandomStreams.Exact(x).GetCounts(), RandomStreams.Exact(y).GetCounts()]);
            var together = RandomStreams.Exact(x.Concat(y)).GetCounts();
            Assert.Equal(SnapshotProperties.Describe(together), SnapshotProperties.Describe(merged));
        }, iter: 200);
    }

    [Fact]
    public void Merge_is_commutative_and_an_empty_summary_is_its_identity()
    {
        Gen.Select(RandomStreams.Of(5, 6, 300), RandomStreams.Of(5, 6, 300), RandomStreams.Epsilons).Sample((left, right, epsilon) =>
        {
            var a = Feed.All(new LossyCountingSummary(epsilon), Renamed(left, "x")).GetCounts();
            var b = Feed.All(new LossyCountingSummary(epsilon), Renamed(right, "y")).GetCounts();
            var empty = new LossyCountingSummary(epsilon).GetCounts();
            Assert.Equal(SnapshotProperties.Describe(SummaryCountsMerger.Merge([a, b])),
                SnapshotProperties.Describe(SummaryCountsMerger.Merge([b, a])));
            Assert.Equal(SnapshotProperties.Describe(a), SnapshotProperties.Describe(SummaryCountsMerger.Merge([a, empty])));
        }, iter: 200);
    }

    [Fact]
    public void Merged_lossy_summaries_keep_the_guarantee_over_the_total_stream_length()
    {
        Gen.Select(RandomStreams.Of(5, 10, 500), RandomStreams.Of(5, 10, 500), RandomStreams.Epsilons).Sample((left, right, epsilon) =>
        {
            var x = Renamed(left, "x");
            var y = Renamed(right, "y");
            var merged = SummaryCountsMerger.Merge([
                Feed.All(new LossyCountingSummary(epsilon), x).GetCounts(),
                Feed.All(new LossyCountingSummary(epsilon), y).GetCounts()]);
            var truth = RandomStreams.ByName(RandomStreams.Exact(x.Concat(y)).GetCounts().Activities);
            var bound = epsilon * (x.Length + y.Length);
            foreach (var e in merged.Activities)
                Assert.True(truth[e.Name] - bound <= e.Frequency && e.Frequency <= truth[e.Name] && truth[e.Name] <= e.Frequency + e.Delta,
                    $"{e.Name}: true {truth[e.Name]}, f {e.Frequency}, Δ {e.Delta}, εN {bound}");
            foreach (var (name, count) in truth.Where(kv => merged.Activities.All(e => e.Name != kv.Key)))
                Assert.True(count <= merged.MaxMissedCount && count <= bound, $"absent {name}: true {count}");
        }, iter: 200);
    }

    [Fact]
    public void Merging_different_epsilons_or_variants_is_refused()
    {
        var a = new LossyCountingSummary(0.1).GetCounts();
        Assert.Throws<ArgumentException>(() => SummaryCountsMerger.Merge([a, new LossyCountingSummary(0.2).GetCounts()]));
        Assert.Throws<ArgumentException>(() => SummaryCountsMerger.Merge([a, new SlidingWindowSummary(5).GetCounts()]));
        Assert.Throws<ArgumentException>(() => SummaryCountsMerger.Merge([]));
    }
}
