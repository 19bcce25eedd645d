namespace HeuristicsBench.Experiments;

/// <summary>
/// One fault: what it does (<see cref="Kind"/> with its <see cref="Parameters"/>, named as in
/// <see cref="FaultKindSpec"/>), where (<see cref="Target"/>) and when (<see cref="Schedule"/>).
/// </summary>
public sealed record Fault(FaultKind Kind, FaultTarget Target, IReadOnlyDictionary<string, FaultParameterValue> Parameters, FaultSchedule Schedule)
{
    /// <summary>A duration parameter (a default was filled in by the parser when the file left it out).</summary>
    public TimeSpan DurationParameter(string name) => ((FaultParameterValue.DurationValue)Parameters[name]).Value;

    /// <summary>A number parameter.</summary>
    public double NumberParameter(string name) => ((FaultParameterValue.NumberValue)Parameters[name]).Value;

    /// <summary>This fault with one parameter replaced (used by sweeps).</summary>
    public Fault With(string name, FaultParameterValue value) =>
        this with { Parameters = new SortedDictionary<string, FaultParameterValue>(Parameters.ToDictionary(), StringComparer.Ordinal) { [name] = value } };
}
