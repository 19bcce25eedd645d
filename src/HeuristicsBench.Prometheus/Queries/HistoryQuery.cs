namespace HeuristicsBench.Prometheus.Queries;

/// <summary>
/// One history metric and the PromQL that yields it. Without <see cref="SeriesLabel"/> the result is at most one
/// series and its samples are <see cref="Metric"/>; with it, every series is one metric named <see cref="Metric"/>
/// followed by that label's value (<c>Lag_Partition_</c> + <c>partition</c>).
/// </summary>
public sealed record HistoryQuery(string Metric, string PromQl, string? SeriesLabel = null);
