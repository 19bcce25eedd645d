namespace HeuristicsBench.Workloads.MarkovChains;

/// <summary>
/// A Markov-chain process model as written in its YAML file: states in file order, the start state,
/// an optional drift of the probabilities and the cap on case length. Check it with
/// <see cref="MarkovChainValidator"/>; <see cref="MarkovChainModel"/> refuses an invalid one.
/// </summary>
public sealed record MarkovChainDefinition(
    string Name,
    string Start,
    IReadOnlyList<MarkovState> States,
    MarkovDrift? Drift = null,
    int MaxCaseLength = MarkovChainDefinition.DefaultMaxCaseLength)
{
    /// <summary>The reserved <c>next</c> value that ends a case; no state may have this name.</summary>
    public const string End = "end";

    /// <summary>Events a simulated case may have before simulation gives up (a guard against near-endless loops).</summary>
    public const int DefaultMaxCaseLength = 1000;
}
