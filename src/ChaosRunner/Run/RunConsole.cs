using System.Globalization;
using HeuristicsBench.Experiments;
using HeuristicsBench.Results.Summary;
using HeuristicsBench.Results.Runs;
using Spectre.Console;

namespace ChaosRunner.Run;

/// <summary>
/// What <c>run</c> shows: a progress bar per run on an interactive terminal (Spectre.Console), one line per phase
/// change otherwise, nothing with --quiet; always the summary table and the report path at the end (standard output).
/// </summary>
public sealed class RunConsole(bool quiet, Experiment experiment, IReadOnlyList<ExperimentRun> runs, string directory)
{
    private readonly Dictionary<int, ProgressTask> _tasks = [];
    private readonly Dictionary<int, string> _phases = [];
    private readonly bool _interactive = !quiet && AnsiConsole.Profile.Capabilities.Interactive && !Console.IsErrorRedirected;

    public void Begin()
    {
        if (quiet)
            return;
        var total = TimeSpan.FromTicks(runs.Sum(r => r.Duration.Ticks));
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"experiment '{experiment.Name}': {runs.Count} runs, {DurationText.Format(total)} of workload, results in {directory}"));
    }

    public async Task RunAsync(Func<Task> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (!_interactive)
        {
            await work().ConfigureAwait(false);
            return;
        }
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        await console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                lock (_tasks)
                {
                    foreach (var run in runs)
                        _tasks[run.Index] = context.AddTask(Markup.Escape(RunIds.For(run)), autoStart: false, maxValue: 100);
                }
                await work().ConfigureAwait(false);
            }).ConfigureAwait(false);
    }

    public IProgress<RunProgress> ProgressFor(ExperimentRun run) => new Reporter(this, run);

    private void Report(ExperimentRun run, RunProgress p)
    {
        var id = RunIds.For(run);
        if (_interactive)
        {
            ProgressTask? task;
            lock (_tasks)
                _tasks.TryGetValue(run.Index, out task);
            if (task is null)
                return;
            if (!task.IsStarted)
                task.StartTask();
            task.Value = p.Total <= 0 ? 0 : Math.Min(99, 100 * p.Elapsed / p.Total);
            var lag = p.Lag is { } l ? string.Create(CultureInfo.InvariantCulture, $" lag {l:0}") : "";
            task.Description = Markup.Escape($"{id} {p.Phase}{lag}");
            return;
        }
        if (quiet)
            return;
        var phase = p.Phase.StartsWith("faults", StringComparison.Ordinal) ? "running" : p.Phase;
        lock (_phases)
        {
            if (_phases.TryGetValue(run.Index, out var last) && last == phase)
                return;
            _phases[run.Index] = phase;
        }
        Console.Error.WriteLine($"[{run.Index + 1}/{runs.Count}] {id}: {phase}");
    }

    public void Finished(RunRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var summary = RunSummaryCalculator.From(record, experiment);
        if (_interactive)
        {
            lock (_tasks)
            {
                if (_tasks.TryGetValue(record.Run.Index, out var task))
                {
                    task.Value = 100;
                    task.Description = Markup.Escape($"{RunIds.For(record.Run)} {summary.Outcome}");
                    task.StopTask();
                }
            }
        }
        else if (!quiet)
        {
            Console.Error.WriteLine($"[{record.Run.Index + 1}/{runs.Count}] {RunIds.For(record.Run)}: {summary.Outcome}");
        }
        foreach (var v in record.Verdicts.Where(v => !v.Passed))
            Console.Error.WriteLine($"  CHECK FAILED {v.Checker}: {v.Detail}");
        if (record.Error is not null)
            Console.Error.WriteLine($"  error: {record.Error}");
    }

    public static void End(Experiment experiment, IReadOnlyList<RunRecord> records, string report)
    {
        ArgumentNullException.ThrowIfNull(records);
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });
        if (Console.IsOutputRedirected)
            console.Profile.Width = 200; // a file or pipe has no width; do not wrap the table at 80 columns
        var table = new Table().Border(TableBorder.Simple);
        foreach (var column in new[] { "run", "outcome", "lag p50", "lag p99", "lag max", "latency p95 ms", "recovery (paper) s", "recovery (fault-aware) s", "F1 final", "checks" })
            table.AddColumn(column);
        foreach (var record in records)
        {
            var s = RunSummaryCalculator.From(record, experiment);
            var checks = record.Verdicts.All(v => v.Passed) ? "pass" : "FAIL: " + string.Join(", ", record.Verdicts.Where(v => !v.Passed).Select(v => v.Checker));
            table.AddRow(
                Markup.Escape(RunIds.For(record.Run)), Markup.Escape(s.Outcome), Number(s.LagP50), Number(s.LagP99), Number(s.LagMax),
                Number(s.LatencyP95Ms), Number(s.RecoveryPaperSeconds, "0.0"), Number(s.RecoveryFaultAwareSeconds, "0.0"),
                Number(s.FidelityF1Final, "0.000"), Markup.Escape(checks));
        }
        console.Write(table);
        console.WriteLine($"report: {report}");
    }

    private static string Number(double? value, string format = "0") =>
        value is { } v && double.IsFinite(v) ? v.ToString(format, CultureInfo.InvariantCulture) : "-";

    private sealed class Reporter(RunConsole owner, ExperimentRun run) : IProgress<RunProgress>
    {
        public void Report(RunProgress value) => owner.Report(run, value);
    }
}
