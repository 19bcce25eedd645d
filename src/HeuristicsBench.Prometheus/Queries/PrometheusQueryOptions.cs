namespace HeuristicsBench.Prometheus.Queries;

/// <summary>What <see cref="PrometheusQueries"/> needs to know about the deployment: the input topic and the miner's
/// consumer group, where the lag comes from, which targets are the miner, the generator and the exporter (e.g.
/// <c>namespace="bench", job="heuristics-miner"</c>; empty: every target exporting the metric), and the window of
/// <c>rate()</c>.</summary>
public sealed record PrometheusQueryOptions
{
    /// <summary>The input topic (the runner's <c>events</c>).</summary>
    public required string Topic { get; init; }

    /// <summary>The miner's consumer group (the runner's <c>heuristics-miner</c>).</summary>
    public required string ConsumerGroup { get; init; }

    public LagSource LagSource { get; init; } = LagSource.KafkaExporter;

    /// <summary>Matchers selecting the miner's targets.</summary>
    public LabelSelector Miner { get; init; } = LabelSelector.Empty;

    /// <summary>Matchers selecting the load generator's targets.</summary>
    public LabelSelector Generator { get; init; } = LabelSelector.Empty;

    /// <summary>Matchers selecting the Kafka exporter's targets (used with <see cref="LagSource.KafkaExporter"/>).</summary>
    public LabelSelector Exporter { get; init; } = LabelSelector.Empty;

    /// <summary>Range of <c>rate()</c> for throughput and latency. It has to hold at least two scrapes, and a few more to
    /// survive a missed one: 5 s at the 1 s scrape interval (Prometheus's usual advice is four intervals). Throughput
    /// and latency are thus averages over this window, where the local runner's are over the last second.</summary>
    public TimeSpan RateWindow { get; init; } = TimeSpan.FromSeconds(5);
}
