using HeuristicsBench.Experiments;

namespace HeuristicsBench.ChaosMesh.Tests;

/// <summary>Faults and runs for the tests, built as the parser would (defaults filled in).</summary>
internal static class Runs
{
    public static Fault Fault(FaultKind kind, FaultTarget target, FaultSchedule schedule, params (string Name, FaultParameterValue Value)[] given)
    {
        var parameters = new SortedDictionary<string, FaultParameterValue>(StringComparer.Ordinal);
        foreach (var p in FaultKindSpec.For(kind).Parameters)
            parameters[p.Name] = p.Default;
        foreach (var (name, value) in given)
            parameters[name] = value;
        return new Fault(kind, target, parameters, schedule);
    }

    public static FaultParameterValue Ms(double ms) => new FaultParameterValue.DurationValue(TimeSpan.FromMilliseconds(ms));

    public static FaultParameterValue N(double value) => new FaultParameterValue.NumberValue(value);

    public static FaultSchedule Once(double startMs, double? durationMs) =>
        new(TimeSpan.FromMilliseconds(startMs), durationMs is { } d ? TimeSpan.FromMilliseconds(d) : null, null, 1);

    public static ExperimentRun Run(TimeSpan duration, params Fault[] faults) => new(0, "s", 0, null, 1, duration, faults, 1);

    public static ChaosMeshTargets Targets { get; } = ChaosMeshTargets.Default("bench", strimziCluster: "kafka", kafkaNamespace: "kafka");
}
