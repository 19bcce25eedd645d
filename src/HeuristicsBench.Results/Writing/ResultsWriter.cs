using System.Text;
using System.Text.Json;
using HeuristicsBench.EventLogs;
using HeuristicsBench.Experiments;
using HeuristicsBench.Results.History;
using HeuristicsBench.Results.Plots;
using HeuristicsBench.Results.Report;
using HeuristicsBench.Results.Runs;
using HeuristicsBench.Results.Summary;

namespace HeuristicsBench.Results.Writing;

/// <summary>
/// Writes the results directory of docs/results.md. Every file is written atomically (temporary file beside it, then
/// a rename), so an interrupted run leaves whole files or none. Call <see cref="WriteRun"/> after each run and
/// <see cref="WriteExperiment"/> at the end (and <see cref="WriteManifest"/> at the start, if wanted).
/// </summary>
public static class ResultsWriter
{
    private static readonly string[] LongHeader = ["Metric", "Time", "Value"];
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>runs/&lt;id&gt;/ (with <paramref name="experiment"/>, faults.csv's observed windows use its fault-aware slack) (metrics.csv, metrics-wide.csv, faults.csv, checks.csv, model.json) and lag/&lt;id&gt;.log.</summary>
    public static void WriteRun(string experimentDir, RunRecord record, Experiment? experiment = null)
    {
        ArgumentNullException.ThrowIfNull(experimentDir);
        ArgumentNullException.ThrowIfNull(record);
        var id = RunIds.For(record.Run);
        var runDir = Path.Combine(experimentDir, "runs", id);
        var lagDir = Path.Combine(experimentDir, "lag");
        Directory.CreateDirectory(runDir);
        Directory.CreateDirectory(lagDir);

        var samples = record.History.Samples;
        CsvFile.Write(Path.Combine(runDir, "metrics.csv"), LongHeader, samples.Select(LongRow));
        var (wideHeader, wideRows) = WideMetrics.Pivot(record.History, record.StartTime);
        CsvFile.Write(Path.Combine(runDir, "metrics-wide.csv"), wideHeader, wideRows);
        CsvFile.Write(Path.Combine(runDir, "faults.csv"), FaultsTable.Header, FaultsTable.Rows(record, experiment));
        CsvFile.Write(Path.Combine(runDir, "checks.csv"), ChecksTable.Header, ChecksTable.Rows(record));
        if (record.FinalModelJson is { } model)
            WriteText(Path.Combine(runDir, "model.json"), model);

        // Time order (stable for equal times), the order the summary's paper recovery reads, so
        // `heuristics-bench analyze <dir>/lag` gives the same numbers as summary.csv.
        var lag = samples.Where(s => s.Metric == MetricNames.Lag).OrderBy(s => s.Time);
        CsvFile.Write(Path.Combine(lagDir, id + ".log"), LongHeader, lag.Select(LongRow));
    }

    /// <summary>manifest.json: the experiment, versions, machine, and every planned run with its outcome so far.</summary>
    public static void WriteManifest(string experimentDir, ExperimentResults results, MachineInfo machine)
    {
        ArgumentNullException.ThrowIfNull(experimentDir);
        Directory.CreateDirectory(experimentDir);
        WriteText(Path.Combine(experimentDir, "manifest.json"), ManifestJson.Build(results, machine).ToJsonString(Indented) + "\n");
    }

    /// <summary>summary.csv, one row per record; <paramref name="experiment"/> fills <c>sweep_parameter</c>.</summary>
    public static void WriteSummary(string experimentDir, IReadOnlyList<RunRecord> runs, Experiment? experiment = null)
    {
        ArgumentNullException.ThrowIfNull(experimentDir);
        ArgumentNullException.ThrowIfNull(runs);
        Directory.CreateDirectory(experimentDir);
        CsvFile.Write(Path.Combine(experimentDir, "summary.csv"), SummaryTable.Header,
            runs.Select(r => SummaryTable.Row(RunSummaryCalculator.From(r, experiment))));
    }

    /// <summary>The end of an experiment: manifest, summary, plots and report.</summary>
    public static void WriteExperiment(string experimentDir, ExperimentResults results, MachineInfo machine)
    {
        ArgumentNullException.ThrowIfNull(results);
        WriteManifest(experimentDir, results, machine);
        WriteSummary(experimentDir, results.Runs, results.Experiment);
        PlotWriter.Write(experimentDir, results);
        HtmlReport.Write(experimentDir, results, machine);
    }

    private static IReadOnlyList<string> LongRow(Sample s) => [s.Metric, Numbers.Format(s.Time), Numbers.Format(s.Value)];

    private static void WriteText(string path, string text) =>
        AtomicFile.Write(path, stream => stream.Write(new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text)));
}
