namespace HeuristicsBench.Workloads.Models;

/// <summary>A true causal relation From → To of a reference model (From == To: a self loop).</summary>
public sealed record CausalRelation(string From, string To);
