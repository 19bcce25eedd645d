using System.Globalization;
using ChaosRunner.Run.Processes;
using HeuristicsBench.Experiments;
using HeuristicsBench.Results.Summary;
using HeuristicsBench.Results.Writing;
using HeuristicsBench.Results.Runs;

namespace ChaosRunner.Run;

/// <summary>
/// The work of <c>run</c>: parse the experiment, expand its runs, carry them out (one after another, or all at once),
/// write each run's files as soon as it finishes and the summary, plots, report and manifest at the end, print the
/// summary table. Exit 0 when every run passed its checkers, 1 when one failed or could not run, 2 on bad input.
/// </summary>
public static class RunCli
{
    public static async Task<int> RunAsync(RunSettings settings, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Backend is not ("local" or "k8s") || (settings.Backend == "k8s" && settings.Kubernetes is null))
        {
            await Console.Error.WriteLineAsync($"error: --backend '{settings.Backend}' is unknown; use local or k8s").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }
        var path = ResolveExperiment(settings.ExperimentFile);
        string text;
        try
        {
            text = await File.ReadAllTextAsync(path, cancel).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync($"error: {settings.ExperimentFile}: cannot read: {e.Message}").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }
        Experiment experiment;
        try
        {
            experiment = ExperimentParser.Parse(text, settings.ExperimentFile);
        }
        catch (ExperimentFormatException e)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }
        try
        {
            // The workload's model is loaded by every run (its ground truth); a bad one is bad input, refused now.
            HeuristicsBench.Workloads.Models.ModelCatalog.Load(experiment.Workload.Model, 1);
        }
        catch (Exception e) when (e is FormatException or IOException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync($"error: {settings.ExperimentFile}: workload.model: {e.Message}").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }

        RunBackend backend;
        try
        {
            backend = settings.Kubernetes is { } k8s
                ? RunBackend.Kubernetes(experiment, k8s, settings.DrainTimeout)
                : RunBackend.Local(ServiceBinaries.Locate(settings.ServicesDirectory), settings.DrainTimeout, settings.KeepWork);
        }
        catch (Exception e) when (e is FileNotFoundException or HeuristicsBench.ChaosMesh.ChaosMeshUnsupportedException or FormatException)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }
        using var disposeBackend = backend;

        var runs = RunExpander.Expand(experiment);
        var startedAt = DateTimeOffset.UtcNow;
        string directory;
        try
        {
            directory = NewResultsDirectory(settings.ResultsRoot, experiment.Name, startedAt);
            await File.WriteAllTextAsync(Path.Combine(directory, "experiment.yaml"), text, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync($"error: --results {settings.ResultsRoot}: cannot create the results directory: {e.Message}").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }
        var records = new List<RunRecord>();
        ExperimentResults Results(DateTimeOffset? finished) =>
            new(experiment, Path.GetFullPath(path), text, settings.CommandLine, settings.Backend, runs, startedAt, finished, [.. records]);
        var machine = MachineInfo.Current(Versions());
        ResultsWriter.WriteManifest(directory, Results(null), machine);

        var console = new RunConsole(settings.Quiet, experiment, runs, directory);
        console.Begin();
        var registries = new List<ProcessRegistry>();
        void KillEverything(object? sender, EventArgs e)
        {
            lock (registries)
            {
                foreach (var r in registries)
                    r.KillAll();
            }
        }
        AppDomain.CurrentDomain.ProcessExit += KillEverything;
        try
        {
            async Task<RunRecord> One(ExperimentRun run)
            {
                var registry = new ProcessRegistry();
                lock (registries)
                    registries.Add(registry);
                var id = RunIds.For(run);
                var work = Path.Combine(Path.GetTempPath(), "heuristics-bench", $"{Safe(experiment.Name)}-{startedAt:yyyyMMddHHmmss}-{id}");
                var plan = new RunPlan(experiment, run, Path.Combine(directory, "runs", id), work);
                var record = await backend.ExecuteAsync(plan, registry, console.ProgressFor(run), cancel).ConfigureAwait(false);
                ResultsWriter.WriteRun(directory, record, experiment);
                lock (records)
                    records.Add(record);
                console.Finished(record);
                return record;
            }

            await console.RunAsync(async () =>
            {
                if (experiment.Execution.Mode == ExecutionMode.Parallel)
                {
                    await Task.WhenAll(runs.Select(One)).ConfigureAwait(false);
                    return;
                }
                foreach (var run in runs)
                {
                    if (cancel.IsCancellationRequested)
                        break;
                    await One(run).ConfigureAwait(false);
                }
            }).ConfigureAwait(false);
        }
        finally
        {
            KillEverything(null, EventArgs.Empty);
            AppDomain.CurrentDomain.ProcessExit -= KillEverything;
        }

        records.Sort((a, b) => a.Run.Index.CompareTo(b.Run.Index));
        var results = Results(DateTimeOffset.UtcNow);
        ResultsWriter.WriteExperiment(directory, results, machine);
        RunConsole.End(experiment, records, Path.Combine(directory, "report.html"));
        if (cancel.IsCancellationRequested)
            return ExitCodes.Failure;
        return records.All(r => r.Passed) ? ExitCodes.Success : ExitCodes.Failure;
    }

    /// <summary>results/&lt;experiment&gt;/&lt;timestamp&gt;, with -2, -3, ... when a run of the same second already has it.</summary>
    private static string NewResultsDirectory(string root, string experiment, DateTimeOffset startedAt)
    {
        var stamp = Path.Combine(root, Safe(experiment), startedAt.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture));
        var candidate = stamp;
        for (var n = 2; Directory.Exists(candidate); n++)
            candidate = stamp + "-" + n.ToString(CultureInfo.InvariantCulture);
        Directory.CreateDirectory(candidate);
        return candidate;
    }

    /// <summary>A relative experiment path is looked up from the working directory, then from the repository root.</summary>
    private static string ResolveExperiment(string file)
    {
        if (Path.IsPathRooted(file) || File.Exists(file))
            return file;
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "HeuristicsBench.sln")))
            dir = dir.Parent;
        var candidate = dir is null ? file : Path.Combine(dir.FullName, file);
        return File.Exists(candidate) ? candidate : file;
    }

    private static Dictionary<string, string> Versions() => new()
    {
        ["Confluent.Kafka"] = typeof(Confluent.Kafka.Library).Assembly.GetName().Version?.ToString() ?? "?",
        ["librdkafka"] = Confluent.Kafka.Library.VersionString,
    };

    private static string Safe(string name) =>
        new([.. name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_')]);
}
