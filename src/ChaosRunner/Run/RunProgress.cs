namespace ChaosRunner.Run;

/// <summary>Where a run is: its phase, seconds of workload done out of the total, and the newest lag.</summary>
public sealed record RunProgress(string Phase, double Elapsed, double Total, double? Lag);
