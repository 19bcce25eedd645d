namespace HeuristicsBench.Analysis.Faults;

/// <summary>A known fault, from <see cref="Start"/> to <see cref="End"/> (same clock as the lag series, seconds).</summary>
public readonly record struct FaultWindow(double Start, double End);
