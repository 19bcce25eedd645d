namespace HeuristicsBench.Workloads.ProcessTrees;

/// <summary>An ordered pair of activity labels (e.g. "First is directly followed by Second").</summary>
public readonly record struct ActivityPair(string First, string Second);
