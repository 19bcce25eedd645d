namespace HeuristicsBench.Experiments;

/// <summary>Halt the run (removing every fault at once) when consumer lag stays above <see cref="LagAbove"/> for <see cref="For"/>.</summary>
public sealed record AbortCondition(long LagAbove, TimeSpan For);
