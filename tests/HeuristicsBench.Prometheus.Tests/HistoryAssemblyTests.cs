using HeuristicsBench.Prometheus.Api;
using HeuristicsBench.Prometheus.History;
using HeuristicsBench.Prometheus.Queries;
using HeuristicsBench.Results.History;

namespace HeuristicsBench.Prometheus.Tests;

public sealed class HistoryAssemblyTests
{
    private static readonly Dictionary<string, string> NoLabels = [];

    private static RangeSeries Series(IReadOnlyDictionary<string, string> labels, params (double T, double V)[] points) =>
        new(labels, [.. points.Select(p => new SeriesPoint(p.T, p.V))]);

    [Fact]
    public void Samples_are_in_time_order_then_query_order_without_non_finite_values()
    {
        var history = HistoryAssembly.From(
        [
            (new HistoryQuery(MetricNames.LcEntries, "a"), [Series(NoLabels, (10, 5), (11, double.NaN), (12, 7))]),
            (new HistoryQuery(MetricNames.LatencyP99, "b"), [Series(NoLabels, (10, double.PositiveInfinity), (11, 3.5))]),
            (new HistoryQuery(MetricNames.Lag, "c"), [Series(NoLabels, (10, 0), (11, 1), (12, 2))]),
        ]);

        Assert.Equal(
            [
                new Sample(MetricNames.LcEntries, 10, 5), new Sample(MetricNames.Lag, 10, 0),
                new Sample(MetricNames.LatencyP99, 11, 3.5), new Sample(MetricNames.Lag, 11, 1),
                new Sample(MetricNames.LcEntries, 12, 7), new Sample(MetricNames.Lag, 12, 2),
            ],
            history.Samples);
    }

    [Fact]
    public void A_per_label_query_names_each_series_after_its_label()
    {
        var history = HistoryAssembly.From(
        [
            (new HistoryQuery(MetricNames.LagPartitionPrefix, "q", "partition"),
                [Series(new Dictionary<string, string> { ["partition"] = "1" }, (10, 4)), Series(new Dictionary<string, string> { ["partition"] = "0" }, (10, 3))]),
        ]);

        Assert.Equal([MetricNames.LagPartition(1), MetricNames.LagPartition(0)], history.Metrics);
        Assert.Equal([4.0], history.Series("Lag_Partition_1").Values);
    }

    [Fact]
    public void No_series_is_no_sample()
    {
        var history = HistoryAssembly.From([(new HistoryQuery(MetricNames.Lag, "q"), [])]);

        Assert.Empty(history.Samples);
    }

    [Fact]
    public void Several_series_for_one_metric_is_an_error_listing_their_labels()
    {
        var e = Assert.Throws<PrometheusQueryException>(() => HistoryAssembly.From(
        [
            (new HistoryQuery(MetricNames.Lag, "lag_query"),
                [Series(new Dictionary<string, string> { ["pod"] = "a" }, (1, 1)), Series(new Dictionary<string, string> { ["pod"] = "b" }, (1, 1))]),
        ]));

        Assert.Equal("lag_query", e.Query);
        Assert.Contains("Lag_Input_Topic needs at most one series, got 2 ({pod=\"a\"}; {pod=\"b\"})", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_series_without_the_naming_label_is_an_error()
    {
        var e = Assert.Throws<PrometheusQueryException>(() => HistoryAssembly.From(
        [
            (new HistoryQuery(MetricNames.LagPartitionPrefix, "q", "partition"), [Series(new Dictionary<string, string> { ["topic"] = "events" }, (1, 1))]),
        ]));

        Assert.Contains("needs the label \"partition\" on every series, got {topic=\"events\"}", e.Message, StringComparison.Ordinal);
    }
}
