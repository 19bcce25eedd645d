namespace HeuristicsBench.ServiceHost;

/// <summary>Answer of /control/clock: the configured skew, the skew accumulated now and the skewed time.</summary>
public sealed record ClockState(double OffsetMs, double DriftPpm, double CurrentSkewMs, DateTimeOffset Now);
