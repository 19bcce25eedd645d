namespace HeuristicsBench.Workloads.MarkovChains;

/// <summary>
/// A problem of a Markov-chain definition. <see cref="Path"/> names the field as in the YAML file:
/// <c>start</c>, <c>states.QualityControl</c>, <c>states.QualityControl.events[1].next</c>, <c>drift.steps</c>
/// (event indices from 0).
/// </summary>
public sealed record MarkovChainIssue(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}
