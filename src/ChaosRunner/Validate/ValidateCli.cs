using System.Globalization;
using HeuristicsBench.Experiments;

namespace ChaosRunner.Validate;

/// <summary>The work of <c>validate</c>: every file is checked (one bad file does not hide the others).</summary>
public static class ValidateCli
{
    public static int Run(IReadOnlyList<string> files, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var exitCode = ExitCodes.Success;
        foreach (var file in files)
        {
            string text;
            try
            {
                text = File.ReadAllText(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                error.WriteLine($"{file}: cannot read: {e.Message}");
                exitCode = ExitCodes.BadInput;
                continue;
            }

            try
            {
                var experiment = ExperimentParser.Parse(text, file);
                Print(file, experiment, RunExpander.Expand(experiment), output);
            }
            catch (ExperimentFormatException e)
            {
                error.WriteLine($"error: {e.Message}");
                exitCode = ExitCodes.BadInput;
            }
        }
        return exitCode;
    }

    private static void Print(string file, Experiment experiment, IReadOnlyList<ExperimentRun> runs, TextWriter output)
    {
        var total = TimeSpan.FromTicks(runs.Sum(r => r.Duration.Ticks));
        if (experiment.Execution.Mode == ExecutionMode.Parallel)
            total = runs.Count == 0 ? TimeSpan.Zero : runs.Max(r => r.Duration);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{file}: ok, experiment '{experiment.Name}', {runs.Count} runs, {experiment.Execution.Mode.ToString().ToLowerInvariant()}, about {DurationText.Format(total)} of workload"));
        output.WriteLine("  #     scenario                        sweep value            iteration  duration");
        foreach (var run in runs)
        {
            var sweep = run.SweepValue is null ? "-" : $"{SweepPath(experiment, run)}={run.SweepValue}";
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {run.Index + 1,-5} {run.Scenario,-31} {sweep,-22} {run.Iteration,-10} {DurationText.Format(run.Duration)}"));
        }
    }

    private static string SweepPath(Experiment experiment, ExperimentRun run) =>
        experiment.Scenarios.First(s => s.Name == run.Scenario).Sweep?.Path ?? "";
}
