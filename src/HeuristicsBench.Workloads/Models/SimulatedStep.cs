namespace HeuristicsBench.Workloads.Models;

/// <summary>One visible event of a simulated case: the activity, the time it takes, and the node
/// (the paper's "node": the Markov state or the model name) that produced it.</summary>
public readonly record struct SimulatedStep(string Activity, TimeSpan Duration, string Node);
