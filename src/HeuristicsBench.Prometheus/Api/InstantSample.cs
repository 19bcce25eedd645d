namespace HeuristicsBench.Prometheus.Api;

/// <summary>One element of a <c>vector</c> result (or the single value of a <c>scalar</c> result, with no labels).</summary>
public sealed record InstantSample(IReadOnlyDictionary<string, string> Labels, SeriesPoint Point);
