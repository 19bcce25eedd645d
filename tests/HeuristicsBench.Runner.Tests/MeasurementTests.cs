using ChaosRunner.Run.Measurement;

namespace HeuristicsBench.Runner.Tests;

public sealed class MeasurementTests
{
    private const string Exposition = """
        # HELP heuristics_miner_lc_entries Entries
        # TYPE heuristics_miner_lc_entries gauge
        heuristics_miner_lc_entries{structure="activities"} 7
        heuristics_miner_lc_entries{structure="relations"} 20
        heuristics_miner_end_to_end_latency_seconds_bucket{le="0.001"} 10
        heuristics_miner_end_to_end_latency_seconds_bucket{le="0.002"} 30
        heuristics_miner_end_to_end_latency_seconds_bucket{le="0.004"} 40
        heuristics_miner_end_to_end_latency_seconds_bucket{le="+Inf"} 40
        heuristics_miner_end_to_end_latency_seconds_sum 0.05
        heuristics_miner_end_to_end_latency_seconds_count 40
        """;

    [Fact]
    public void Labelled_samples_are_summed_and_absent_metrics_are_null()
    {
        var text = PrometheusText.Parse(Exposition);
        Assert.Equal(27, text.Sum("heuristics_miner_lc_entries"));
        Assert.Null(text.Sum("nope"));
    }

    [Fact]
    public void Quantiles_interpolate_inside_the_bucket_like_histogram_quantile()
    {
        var buckets = PrometheusText.Parse(Exposition).Buckets("heuristics_miner_end_to_end_latency_seconds");
        Assert.Equal(4, buckets.Count);
        // rank 20 of 40 lies halfway through the (0.001, 0.002] bucket, which holds ranks 10..30
        Assert.Equal(0.0015, HistogramQuantile.Of(buckets, 0.5)!.Value, 9);
        // rank 5 is halfway through the first bucket, whose lower edge is 0
        Assert.Equal(0.0005, HistogramQuantile.Of(buckets, 0.125)!.Value, 9);
        Assert.Equal(0.004, HistogramQuantile.Of(buckets, 1.0)!.Value, 9);
    }

    [Fact]
    public void The_delta_between_scrapes_holds_only_the_new_observations_and_a_reset_keeps_the_later_scrape()
    {
        (double, double)[] before = [(0.001, 10), (0.002, 10), (double.PositiveInfinity, 10)];
        (double, double)[] after = [(0.001, 10), (0.002, 20), (double.PositiveInfinity, 20)];
        var delta = HistogramQuantile.Delta(before, after);
        Assert.Equal([(0.001, 0.0), (0.002, 10.0), (double.PositiveInfinity, 10.0)], delta);
        // counts went down: the process restarted, so the later scrape (here `before`) is the delta
        Assert.Equal(before, HistogramQuantile.Delta(after, before));
        Assert.Null(HistogramQuantile.Of(HistogramQuantile.Delta(after, after), 0.5));
    }

    [Fact]
    public void Model_messages_give_their_offsets_and_event_count()
    {
        Assert.True(ModelWatcher.TryRead("{\"eventsProcessed\":12,\"offsets\":{\"0\":5,\"3\":7}}"u8.ToArray(), out var offsets, out var events));
        Assert.Equal(12, events);
        Assert.Equal(7, offsets[3]);
        Assert.False(ModelWatcher.TryRead("not json"u8.ToArray(), out _, out _));
        Assert.False(ModelWatcher.TryRead("{\"eventsProcessed\":1}"u8.ToArray(), out _, out _));
    }
}
