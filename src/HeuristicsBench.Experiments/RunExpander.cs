namespace HeuristicsBench.Experiments;

/// <summary>
/// Expands an experiment into its ordered runs: scenarios in file order, then sweep values in order, then
/// iterations; each run has the swept parameter applied to its fault and a seed derived from the workload seed.
/// </summary>
public static class RunExpander
{
    public static IReadOnlyList<ExperimentRun> Expand(Experiment experiment)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        var runs = new List<ExperimentRun>();
        foreach (var scenario in experiment.Scenarios)
        {
            var sweepCount = scenario.Sweep?.Values.Count ?? 1;
            for (var s = 0; s < sweepCount; s++)
            {
                var value = scenario.Sweep?.Values[s];
                var faults = scenario.Faults.ToList();
                if (scenario.Sweep is { } sweep)
                    faults[sweep.FaultIndex] = faults[sweep.FaultIndex].With(sweep.Parameter, value!);
                for (var iteration = 1; iteration <= experiment.Execution.Iterations; iteration++)
                {
                    runs.Add(new ExperimentRun(
                        runs.Count, scenario.Name, s, value, iteration, experiment.Workload.Duration, faults,
                        RunSeed.Derive(experiment.Workload.Seed, scenario.Name, s, iteration)));
                }
            }
        }
        return runs;
    }
}
