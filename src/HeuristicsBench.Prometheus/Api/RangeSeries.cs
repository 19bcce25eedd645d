namespace HeuristicsBench.Prometheus.Api;

/// <summary>One series of a <c>matrix</c> result: its labels (empty after an aggregation without <c>by</c>) and its
/// points in time order.</summary>
public sealed record RangeSeries(IReadOnlyDictionary<string, string> Labels, IReadOnlyList<SeriesPoint> Points);
