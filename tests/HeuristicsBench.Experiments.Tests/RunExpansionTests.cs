namespace HeuristicsBench.Experiments.Tests;

public class RunExpansionTests
{
    private const string TwoScenarios = """
        name: t
        workload: { model: m, rate: 10, duration: 60s, seed: 5 }
        execution: { iterations: 2 }
        scenarios:
          - name: base
          - name: combined
            faults:
              - { kind: cpu-stress, target: miner, threads: 2, percent: 50 }
              - { kind: network-delay, target: generator, latency: 5ms }
            sweep: { parameter: "faults[0].percent", from: 10, to: 30, step: 10 }
        """;

    [Fact]
    public void Runs_are_ordered_scenario_then_sweep_value_then_iteration()
    {
        var runs = RunExpander.Expand(ExperimentParser.Parse(TwoScenarios, "t.yaml"));

        Assert.Equal(
            [("base", -1.0, 1), ("base", -1.0, 2), ("combined", 10, 1), ("combined", 10, 2), ("combined", 20, 1), ("combined", 20, 2), ("combined", 30, 1), ("combined", 30, 2)],
            runs.Select(r => (r.Scenario, r.SweepValue is FaultParameterValue.NumberValue n ? n.Value : -1.0, r.Iteration)));
        Assert.Equal(Enumerable.Range(0, 8), runs.Select(r => r.Index));
    }

    [Fact]
    public void The_sweep_changes_only_its_own_fault_and_parameter()
    {
        var experiment = ExperimentParser.Parse(TwoScenarios, "t.yaml");
        var run = RunExpander.Expand(experiment).First(r => r.Scenario == "combined" && r.SweepIndex == 2);

        Assert.Equal(30, run.Faults[0].NumberParameter("percent"));
        Assert.Equal(2, run.Faults[0].NumberParameter("threads"));
        Assert.Equal(TimeSpan.FromMilliseconds(5), run.Faults[1].DurationParameter("latency"));
        Assert.Equal(50, experiment.Scenarios[1].Faults[0].NumberParameter("percent"));
    }

    [Fact]
    public void Seeds_are_the_same_on_every_parse_and_distinct_between_runs()
    {
        var first = RunExpander.Expand(ExperimentParser.Parse(TwoScenarios, "t.yaml")).Select(r => r.Seed).ToList();
        var second = RunExpander.Expand(ExperimentParser.Parse(TwoScenarios, "t.yaml")).Select(r => r.Seed).ToList();

        Assert.Equal(first, second);
        Assert.Equal(first.Count, first.Distinct().Count());
    }

    [Fact]
    public void Seeds_follow_the_experiment_seed_and_not_the_scenario_order()
    {
        var original = RunExpander.Expand(ExperimentParser.Parse(TwoScenarios, "t.yaml"));
        var reseeded = RunExpander.Expand(ExperimentParser.Parse(TwoScenarios.Replace("seed: 5", "seed: 6", StringComparison.Ordinal), "t.yaml"));
        var reordered = TwoScenarios.Replace("  - name: base\n", "", StringComparison.Ordinal) + "\n  - name: base\n";
        var moved = RunExpander.Expand(ExperimentParser.Parse(reordered, "t.yaml"));

        Assert.Empty(original.Select(r => r.Seed).Intersect(reseeded.Select(r => r.Seed)));
        Assert.Equal("base", moved[^1].Scenario);
        Assert.Equal(original.Where(r => r.Scenario == "base").Select(r => r.Seed), moved.Where(r => r.Scenario == "base").Select(r => r.Seed));
    }

    [Fact]
    public void Defaults_fill_in_what_the_file_leaves_out()
    {
        var experiment = ExperimentParser.Parse(
            "name: t\nworkload: { model: m, rate: 10, duration: 60s }\nscenarios:\n  - name: d\n    faults: [{ kind: network-delay, target: miner, latency: 5ms }, { kind: broker-kill }]\n",
            "t.yaml");

        Assert.Equal(Execution.Default, experiment.Execution);
        Assert.Equal(10, experiment.System.Partitions);
        Assert.Equal(MinerOptions.Default, experiment.System.Miner);
        Assert.Equal(WorkloadShape.Constant, experiment.Workload.Shape);
        var delay = experiment.Scenarios[0].Faults[0];
        Assert.Equal(TimeSpan.Zero, delay.DurationParameter("jitter"));
        Assert.Null(delay.Schedule.Duration);
        Assert.Equal([(TimeSpan.Zero, TimeSpan.FromSeconds(60))], delay.Schedule.Windows(experiment.Workload.Duration));
        var kill = experiment.Scenarios[0].Faults[1];
        Assert.Equal(FaultTarget.Broker, kill.Target);
        Assert.Equal(TimeSpan.Zero, kill.Schedule.Duration);
    }
}
