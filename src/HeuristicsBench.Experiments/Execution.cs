namespace HeuristicsBench.Experiments;

/// <summary>How many times every run repeats and whether runs go one after another or all at once.</summary>
public sealed record Execution(int Iterations, ExecutionMode Mode)
{
    public static Execution Default { get; } = new(1, ExecutionMode.Sequential);
}

public enum ExecutionMode
{
    Sequential,
    Parallel,
}
