namespace HeuristicsBench.Workloads.MarkovChains;

/// <summary>A state of a Markov chain (the paper's datasource "node"): each visit emits one of its events.</summary>
public sealed record MarkovState(string Name, IReadOnlyList<MarkovEvent> Events);
