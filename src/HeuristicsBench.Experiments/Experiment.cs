namespace HeuristicsBench.Experiments;

/// <summary>A parsed and validated experiment file (schema: docs/experiments.md).</summary>
public sealed record Experiment(
    string Name,
    string Description,
    Workload Workload,
    SystemUnderTest System,
    Execution Execution,
    Hypothesis? Hypothesis,
    IReadOnlyList<AbortCondition> Abort,
    IReadOnlyList<Scenario> Scenarios);
