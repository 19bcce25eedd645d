namespace HeuristicsBench.Experiments.Tests;

public class ExampleFilesTests
{
    [Fact]
    public void Quick_is_seven_short_runs_covering_delay_kill_failure_and_skew()
    {
        var experiment = Examples.Load("quick.yaml");
        var runs = RunExpander.Expand(experiment);

        Assert.Equal(["baseline", "delay-100ms", "delay-200ms", "delay-500ms", "pod-kill", "pod-failure", "clock-skew"], runs.Select(r => r.Scenario));
        Assert.True(runs.Sum(r => r.Duration.TotalMinutes) <= 5);
        Assert.Equal(
            [100, 200, 500],
            runs.SelectMany(r => r.Faults).Where(f => f.Kind == FaultKind.NetworkDelay).Select(f => f.DurationParameter("latency").TotalMilliseconds));
        var kinds = runs.SelectMany(r => r.Faults).Select(f => f.Kind).ToHashSet();
        Assert.Contains(FaultKind.PodKill, kinds);
        Assert.Contains(FaultKind.PodFailure, kinds);
        Assert.Contains(FaultKind.ClockSkew, kinds);
        var skew = runs.Single(r => r.Scenario == "clock-skew").Faults[0];
        Assert.Equal(TimeSpan.FromMinutes(-10), skew.DurationParameter("offset"));
        Assert.Equal(500, skew.NumberParameter("drift"));
    }

    [Fact]
    public void Paper_ex1_fails_the_miner_for_30s_every_2_minutes_in_480s()
    {
        var experiment = Examples.Load("paper-ex1.yaml");
        var runs = RunExpander.Expand(experiment);

        Assert.Equal(3, runs.Count);
        Assert.All(runs, r => Assert.Equal(TimeSpan.FromSeconds(480), r.Duration));
        var fault = Assert.Single(runs[0].Faults);
        Assert.Equal(FaultKind.PodFailure, fault.Kind);
        Assert.Equal(FaultTarget.Miner, fault.Target);
        Assert.Equal(
            [(60, 90), (180, 210), (300, 330), (420, 450)],
            fault.Schedule.Windows(experiment.Workload.Duration).Select(w => ((int)w.Start.TotalSeconds, (int)w.End.TotalSeconds)));
    }

    [Fact]
    public void Paper_ex2_is_20_latencies_times_3_iterations_with_the_delay_applied()
    {
        var experiment = Examples.Load("paper-ex2.yaml");
        var runs = RunExpander.Expand(experiment);

        Assert.Equal(60, runs.Count);
        var expected = Enumerable.Range(1, 20).Select(i => i * 20.0).ToArray();
        Assert.Equal(expected, runs.Where(r => r.Iteration == 1).Select(r => r.Faults[0].DurationParameter("latency").TotalMilliseconds));
        Assert.All(runs, r =>
        {
            var delay = Assert.Single(r.Faults);
            Assert.Equal(FaultKind.NetworkDelay, delay.Kind);
            Assert.Equal(r.SweepValue, delay.Parameters["latency"]);
        });
        Assert.Equal([1, 2, 3], runs.Take(3).Select(r => r.Iteration));
    }

    [Fact]
    public void Fusio_plan_runs_its_seven_scenarios_in_parallel_with_three_10s_blocks_and_a_combined_fault()
    {
        var experiment = Examples.Load("fusio-plan.yaml");
        var runs = RunExpander.Expand(experiment);

        Assert.Equal(ExecutionMode.Parallel, experiment.Execution.Mode);
        Assert.Equal(7, runs.Count);
        var blocks = runs.Single(r => r.Scenario == "network-blocks").Faults.Single();
        Assert.Equal(FaultKind.NetworkPartition, blocks.Kind);
        Assert.Equal(3, blocks.Schedule.Count);
        Assert.Equal(TimeSpan.FromSeconds(10), blocks.Schedule.Duration);
        var combined = runs.Single(r => r.Scenario == "combined-200ms-cpu-4x80").Faults;
        Assert.Equal([FaultKind.NetworkDelay, FaultKind.CpuStress], combined.Select(f => f.Kind));
        Assert.Equal(4, combined[1].NumberParameter("threads"));
        Assert.Equal(80, combined[1].NumberParameter("percent"));
    }
}

public class SchemaDocumentTests
{
    [Fact]
    public void The_example_in_docs_experiments_md_parses_to_the_runs_the_text_promises()
    {
        var markdown = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Examples", "experiments.md"));
        var start = markdown.IndexOf("```yaml\n", StringComparison.Ordinal) + "```yaml\n".Length;
        var yaml = markdown[start..markdown.IndexOf("```", start, StringComparison.Ordinal)];

        var runs = RunExpander.Expand(ExperimentParser.Parse(yaml, "experiments.md"));

        Assert.Equal(8, runs.Count);
        Assert.All(runs, r => Assert.Equal(TimeSpan.FromMinutes(2), r.Duration));
        Assert.Equal([50.0, 50, 100, 100, 200, 200], runs.Skip(2).Select(r => r.Faults[0].DurationParameter("latency").TotalMilliseconds));
    }

    [Fact]
    public void Every_fault_kind_and_its_parameters_are_documented()
    {
        var markdown = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Examples", "experiments.md"));
        foreach (var spec in FaultKindSpec.All)
        {
            var row = markdown.Split('\n').Single(line => line.StartsWith($"| `{spec.Name}` |", StringComparison.Ordinal));
            Assert.All(spec.Parameters, p => Assert.Contains($"`{p.Name}`", row, StringComparison.Ordinal));
        }
    }
}
