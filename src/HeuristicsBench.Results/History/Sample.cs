namespace HeuristicsBench.Results.History;

/// <summary>One row of a history: a metric's value at a time (Unix seconds).</summary>
public readonly record struct Sample(string Metric, double Time, double Value);
