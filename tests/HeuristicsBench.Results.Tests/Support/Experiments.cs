using HeuristicsBench.Experiments;
using HeuristicsBench.Results.Runs;

namespace HeuristicsBench.Results.Tests.Support;

/// <summary>
/// A synthetic experiment: a baseline-free sweep of network-delay latency over 10..50 ms, one run per value, whose
/// recoveries lie on 5 + 0.2 s/ms · latency with ±1 s of noise.
/// </summary>
internal static class Experiments
{
    public static readonly int[] LatenciesMs = [10, 20, 30, 40, 50];
    public static readonly int[] Noise = [1, -1, 0, 1, -1];

    public static ExperimentResults Sweep(string scenarioName = "delay-sweep", string description = "latency against recovery")
    {
        var values = LatenciesMs.Select(ms => (FaultParameterValue)new FaultParameterValue.DurationValue(TimeSpan.FromMilliseconds(ms))).ToList();
        var scenario = new Scenario(scenarioName, [Records.DelayFault()], new Sweep(0, "latency", values));
        var experiment = new Experiment("delay", description,
            new Workload("assembly-line", 100, WorkloadShape.Constant, TimeSpan.FromMinutes(2), 42),
            new SystemUnderTest(10, MinerOptions.Default, TimeSpan.FromSeconds(10)), Execution.Default,
            new Hypothesis(1000, TimeSpan.FromSeconds(20)), [new AbortCondition(100_000, TimeSpan.FromSeconds(30))], [scenario]);
        var runs = values.Select((v, i) => new ExperimentRun(i, scenarioName, i, v, 1, TimeSpan.FromMinutes(2),
            [Records.DelayFault(v)], 1000 + i)).ToList();
        var records = runs.Select((run, i) => Records.WithFault(5 + (LatenciesMs[i] / 5) + Noise[i], run)).ToList();
        return new ExperimentResults(experiment, "experiments/delay.yaml", "name: delay\n", "heuristics-bench run experiments/delay.yaml",
            "local", runs, DateTimeOffset.FromUnixTimeSeconds(1_700_000_000), DateTimeOffset.FromUnixTimeSeconds(1_700_000_900), records);
    }

    public static HeuristicsBench.Results.Writing.MachineInfo Machine { get; } = new("Linux test", 2, 24L << 30, "test-host", ".NET 10.0.0", "1.2.3",
        new Dictionary<string, string> { ["Confluent.Kafka"] = "2.16.0" });
}
