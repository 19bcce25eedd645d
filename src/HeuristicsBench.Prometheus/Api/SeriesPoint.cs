namespace HeuristicsBench.Prometheus.Api;

/// <summary>One value of a series at a time (Unix seconds, with Prometheus's millisecond precision). The value may be
/// NaN or ±infinity: Prometheus sends them as "NaN", "+Inf", "-Inf".</summary>
public readonly record struct SeriesPoint(double Time, double Value);
