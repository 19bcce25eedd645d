using HeuristicsBench.Prometheus.Queries;
using HeuristicsBench.Results.History;

namespace HeuristicsBench.Prometheus.Tests;

public sealed class PrometheusQueriesTests
{
    private static readonly PrometheusQueryOptions Options = new()
    {
        Topic = "events",
        ConsumerGroup = "heuristics-miner",
        Miner = LabelSelector.Of(("namespace", "bench"), ("job", "miner")),
        Generator = LabelSelector.Of(("job", "generator")),
        Exporter = LabelSelector.Of(("namespace", "kafka")),
    };

    private static Dictionary<string, HistoryQuery> ByMetric(PrometheusQueryOptions options) =>
        PrometheusQueries.For(options).ToDictionary(q => q.Metric);

    [Fact]
    public void Lag_from_the_kafka_exporter_is_the_papers_query_with_the_group_and_topic()
    {
        var queries = ByMetric(Options);

        Assert.Equal("sum(kafka_consumergroup_lag{namespace=\"kafka\",consumergroup=\"heuristics-miner\",topic=\"events\"} >= 0)", queries[MetricNames.Lag].PromQl);
        var perPartition = queries[MetricNames.LagPartitionPrefix];
        Assert.Equal("sum by (partition) (kafka_consumergroup_lag{namespace=\"kafka\",consumergroup=\"heuristics-miner\",topic=\"events\"} >= 0)", perPartition.PromQl);
        Assert.Equal("partition", perPartition.SeriesLabel);
    }

    [Fact]
    public void Lag_from_the_miner_gauge_selects_the_miner_and_the_topic()
    {
        var queries = ByMetric(Options with { LagSource = LagSource.MinerGauge });

        Assert.Equal("sum(heuristics_miner_partition_lag{namespace=\"bench\",job=\"miner\",topic=\"events\"})", queries[MetricNames.Lag].PromQl);
        Assert.Equal("sum by (partition) (heuristics_miner_partition_lag{namespace=\"bench\",job=\"miner\",topic=\"events\"})", queries[MetricNames.LagPartitionPrefix].PromQl);
    }

    [Fact]
    public void Throughput_latency_and_counts_come_from_the_services_metrics()
    {
        var queries = ByMetric(Options with { RateWindow = TimeSpan.FromSeconds(4) });

        Assert.Equal("sum(rate(loadgen_events_produced_total{job=\"generator\"}[4s]))", queries[MetricNames.ThroughputIn].PromQl);
        Assert.Equal("sum(rate(heuristics_miner_events_valid_total{namespace=\"bench\",job=\"miner\"}[4s]))", queries[MetricNames.ThroughputOut].PromQl);
        Assert.Equal("histogram_quantile(0.95, sum by (le) (rate(heuristics_miner_end_to_end_latency_seconds_bucket{namespace=\"bench\",job=\"miner\"}[4s]))) * 1000",
            queries[MetricNames.LatencyP95].PromQl);
        Assert.StartsWith("histogram_quantile(0.5, ", queries[MetricNames.LatencyP50].PromQl, StringComparison.Ordinal);
        Assert.StartsWith("histogram_quantile(0.99, ", queries[MetricNames.LatencyP99].PromQl, StringComparison.Ordinal);
        Assert.Equal("sum(heuristics_miner_lc_entries{namespace=\"bench\",job=\"miner\"})", queries[MetricNames.LcEntries].PromQl);
        Assert.Equal("sum(loadgen_events_produced_total{job=\"generator\"})", queries[MetricNames.EventsAcknowledged].PromQl);
        Assert.Equal("sum(heuristics_miner_model_events{namespace=\"bench\",job=\"miner\"})", queries[MetricNames.EventsProcessed].PromQl);
    }

    [Fact]
    public void Only_the_metrics_prometheus_can_answer_are_queried()
    {
        var metrics = PrometheusQueries.For(Options).Select(q => q.Metric).ToHashSet();

        Assert.Equal(10, metrics.Count);
        Assert.DoesNotContain(MetricNames.ModelLag, metrics);
        Assert.DoesNotContain(MetricNames.FidelityF1, metrics);
        Assert.DoesNotContain(MetricNames.BaselineSimilarity, metrics);
        Assert.DoesNotContain(MetricNames.FaultsActive, metrics);
    }

    [Fact]
    public void Without_selectors_the_bare_metric_names_are_used()
    {
        var queries = ByMetric(new PrometheusQueryOptions { Topic = "t", ConsumerGroup = "g", LagSource = LagSource.MinerGauge });

        Assert.Equal("sum(heuristics_miner_lc_entries)", queries[MetricNames.LcEntries].PromQl);
        Assert.Equal("sum(heuristics_miner_partition_lag{topic=\"t\"})", queries[MetricNames.Lag].PromQl);
    }

    [Fact]
    public void A_label_given_twice_is_an_error_naming_it()
    {
        var options = Options with { LagSource = LagSource.MinerGauge, Miner = LabelSelector.Of(("topic", "other")) };

        var e = Assert.Throws<ArgumentException>(() => PrometheusQueries.For(options));
        Assert.Contains("\"topic\" is given twice", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(5000, "5s")]
    [InlineData(1500, "1500ms")]
    [InlineData(60000, "60s")]
    public void Durations_are_written_in_promql_syntax(int milliseconds, string expected) =>
        Assert.Equal(expected, PrometheusQueries.Duration(TimeSpan.FromMilliseconds(milliseconds)));

    [Fact]
    public void A_range_below_a_millisecond_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => PrometheusQueries.Duration(TimeSpan.FromTicks(10)));
}
