namespace HeuristicsBench.Experiments;

/// <summary>
/// One fault parameter of a scenario (<c>faults[0].latency</c>) and the values it takes, one run per value.
/// </summary>
public sealed record Sweep(int FaultIndex, string Parameter, IReadOnlyList<FaultParameterValue> Values)
{
    /// <summary>The path as written in the file, relative to the scenario.</summary>
    public string Path => $"faults[{FaultIndex}].{Parameter}";
}
