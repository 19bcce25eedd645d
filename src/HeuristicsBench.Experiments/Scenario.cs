namespace HeuristicsBench.Experiments;

/// <summary>A named set of faults, optionally swept over the values of one fault parameter.</summary>
public sealed record Scenario(string Name, IReadOnlyList<Fault> Faults, Sweep? Sweep);
