using System.Globalization;
using HeuristicsBench.Results.History;

namespace HeuristicsBench.Prometheus.Queries;

/// <summary>
/// The history metrics (docs/results.md) that Prometheus can answer, as PromQL over the services' own metrics
/// (<c>heuristics_miner_*</c>, <c>loadgen_*</c>) and, for lag, a Kafka exporter's <c>kafka_consumergroup_lag</c>
/// or the miner's lag gauge. Pure.
/// <para>Not here, because no exporter knows them: <c>Lag_Model</c>, <c>Fidelity_F1</c> and
/// <c>Baseline_Similarity</c> need the published models (the runner reads the model topic and computes them), and
/// <c>Faults_Active</c> is the nemesis's own bookkeeping.</para>
/// </summary>
public static class PrometheusQueries
{
    public static IReadOnlyList<HistoryQuery> For(PrometheusQueryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Topic, "Topic");
        ArgumentException.ThrowIfNullOrWhiteSpace(options.ConsumerGroup, "ConsumerGroup");
        var window = Duration(options.RateWindow);
        var miner = options.Miner;
        var generator = options.Generator;
        var lagSeries = options.LagSource switch
        {
            // the paper's query keeps lag >= 0: kafka_exporter reports a negative lag for a partition without a committed offset
            LagSource.KafkaExporter => options.Exporter.With(("consumergroup", options.ConsumerGroup), ("topic", options.Topic)).Select("kafka_consumergroup_lag") + " >= 0",
            LagSource.MinerGauge => miner.With(("topic", options.Topic)).Select("heuristics_miner_partition_lag"),
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.LagSource, "unknown lag source"),
        };
        var latencyRate = $"sum by (le) (rate({miner.Select("heuristics_miner_end_to_end_latency_seconds_bucket")}[{window}]))";
        return
        [
            new(MetricNames.EventsAcknowledged, $"sum({generator.Select("loadgen_events_produced_total")})"),
            new(MetricNames.LcEntries, $"sum({miner.Select("heuristics_miner_lc_entries")})"),
            new(MetricNames.LatencyP50, $"histogram_quantile(0.5, {latencyRate}) * 1000"),
            new(MetricNames.LatencyP95, $"histogram_quantile(0.95, {latencyRate}) * 1000"),
            new(MetricNames.LatencyP99, $"histogram_quantile(0.99, {latencyRate}) * 1000"),
            // eventsProcessed of the last model each miner instance emitted; summed, as each instance's model covers its own partitions
            new(MetricNames.EventsProcessed, $"sum({miner.Select("heuristics_miner_model_events")})"),
            new(MetricNames.LagPartitionPrefix, $"sum by (partition) ({lagSeries})", SeriesLabel: "partition"),
            new(MetricNames.Lag, $"sum({lagSeries})"),
            new(MetricNames.ThroughputOut, $"sum(rate({miner.Select("heuristics_miner_events_valid_total")}[{window}]))"),
            new(MetricNames.ThroughputIn, $"sum(rate({generator.Select("loadgen_events_produced_total")}[{window}]))"),
        ];
    }

    /// <summary>A PromQL duration: whole seconds as <c>5s</c>, anything finer in milliseconds (<c>1500ms</c>).</summary>
    public static string Duration(TimeSpan span)
    {
        if (span < TimeSpan.FromMilliseconds(1))
            throw new ArgumentOutOfRangeException(nameof(span), span, "a PromQL range must be at least 1 ms");
        var ms = (long)span.TotalMilliseconds;
        return ms % 1000 == 0
            ? (ms / 1000).ToString(CultureInfo.InvariantCulture) + "s"
            : ms.ToString(CultureInfo.InvariantCulture) + "ms";
    }
}
