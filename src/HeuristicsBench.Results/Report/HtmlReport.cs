using System.Globalization;
using System.Net;
using System.Text;
using HeuristicsBench.EventLogs;
using HeuristicsBench.Results.Plots;
using HeuristicsBench.Results.Runs;
using HeuristicsBench.Results.Summary;
using HeuristicsBench.Results.Writing;

namespace HeuristicsBench.Results.Report;

/// <summary>
/// report.html: one self-contained page (inline CSS, the plots of <c>plots/</c> embedded as base64 data URIs, every
/// text HTML-encoded) with the experiment, the machine, the summary table, checker failures, per-run plots and
/// fault timelines, the sweep plots and relative links to the CSV files.
/// </summary>
public static class HtmlReport
{
    private const string Style = """
        body{font-family:system-ui,sans-serif;margin:2em;color:#222;max-width:1200px}
        table{border-collapse:collapse;margin:.5em 0 1.5em;font-size:.9em}
        th,td{border:1px solid #ccc;padding:.25em .5em;text-align:left;vertical-align:top}
        th{background:#f0f0f0}
        .passed{background:#dff5df}.failed{background:#f9d6d5}.aborted{background:#fdecc8}.error{background:#f4c2c2}
        .failures{border:2px solid #c0392b;background:#fdf0ef;padding:.5em 1em;margin:1em 0}
        img{max-width:100%;height:auto;border:1px solid #ddd}
        code{background:#f4f4f4;padding:0 .2em}
        """;

    /// <summary>Writes report.html, embedding the PNGs found in <c>plots/</c> (written by <see cref="PlotWriter"/>).</summary>
    public static void Write(string experimentDir, ExperimentResults results, MachineInfo? machine = null)
    {
        ArgumentNullException.ThrowIfNull(experimentDir);
        var plotDir = Path.Combine(experimentDir, PlotNames.Directory);
        byte[]? Plot(string name)
        {
            var path = Path.Combine(plotDir, name);
            return File.Exists(path) ? File.ReadAllBytes(path) : null;
        }

        var html = Build(results, machine ?? MachineInfo.Current(), Plot);
        AtomicFile.Write(Path.Combine(experimentDir, "report.html"), stream => stream.Write(new UTF8Encoding(false).GetBytes(html)));
    }

    /// <summary>The page; <paramref name="plot"/> gives a plot's PNG by its name under plots/ (null: not there, left out).</summary>
    public static string Build(ExperimentResults results, MachineInfo machine, Func<string, byte[]?> plot)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(machine);
        ArgumentNullException.ThrowIfNull(plot);
        var experiment = results.Experiment;
        var summaries = results.Runs.Select(r => RunSummaryCalculator.From(r, experiment)).ToList();
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
            .Append(E(experiment.Name)).Append(" — HeuristicsBench report</title><style>").Append(Style).Append("</style></head><body>\n");
        html.Append("<h1>").Append(E(experiment.Name)).Append("</h1>\n");
        if (experiment.Description.Length > 0)
            html.Append("<p>").Append(E(experiment.Description)).Append("</p>\n");

        html.Append("<table>");
        Row(html, "experiment file", results.ExperimentPath);
        Row(html, "command line", results.CommandLine);
        Row(html, "backend", results.Backend);
        Row(html, "started", results.Started.ToString("u", CultureInfo.InvariantCulture));
        Row(html, "finished", results.Finished?.ToString("u", CultureInfo.InvariantCulture) ?? "not finished");
        Row(html, "runs", $"{results.Runs.Count} of {results.PlannedRuns.Count} planned");
        Row(html, "machine", $"{machine.HostName}: {machine.OsDescription}, {machine.ProcessorCount} processors, {machine.TotalMemoryBytes / (1024.0 * 1024 * 1024):F1} GiB");
        Row(html, "versions", string.Join(", ", new[] { $"runner {machine.RunnerVersion}", machine.DotNetVersion }
            .Concat(machine.ExtraVersions.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value}"))));
        html.Append("</table>\n<p>Files: <a href=\"summary.csv\">summary.csv</a> · <a href=\"manifest.json\">manifest.json</a> · <a href=\"lag/\">lag/</a></p>\n");

        AppendFailures(html, results.Runs);
        AppendSummary(html, summaries);

        foreach (var scenario in experiment.Scenarios.Where(s => s.Sweep is not null))
        {
            html.Append("<h2>Sweep: ").Append(E(scenario.Name)).Append(" — <code>").Append(E(scenario.Sweep!.Path)).Append("</code></h2>\n");
            Image(html, plot(PlotNames.Recovery(scenario)), $"recovery vs {scenario.Sweep.Path}");
            Image(html, plot(PlotNames.Fidelity(scenario)), $"fidelity vs {scenario.Sweep.Path}");
        }

        html.Append("<h2>Runs</h2>\n");
        foreach (var record in results.Runs)
            AppendRun(html, record, plot);
        html.Append("</body></html>\n");
        return html.ToString();
    }

    private static void AppendFailures(StringBuilder html, IReadOnlyList<RunRecord> runs)
    {
        var failures = runs.SelectMany(r => r.Verdicts.Where(v => !v.Passed).Select(v => (Run: RunIds.For(r.Run), Verdict: v))).ToList();
        var broken = runs.Where(r => r.Error is not null || r.AbortReason is not null).ToList();
        if (failures.Count == 0 && broken.Count == 0)
            return;
        html.Append("<div class=\"failures\"><h2>Checker failures and interrupted runs</h2><ul>\n");
        foreach (var (run, verdict) in failures)
            html.Append("<li><b>").Append(E(run)).Append("</b>: <code>").Append(E(verdict.Checker)).Append("</code> failed — ").Append(E(verdict.Detail)).Append("</li>\n");
        foreach (var record in broken)
            html.Append("<li><b>").Append(E(RunIds.For(record.Run))).Append("</b>: ").Append(E(RunSummaryCalculator.Outcome(record))).Append("</li>\n");
        html.Append("</ul></div>\n");
    }

    private static void AppendSummary(StringBuilder html, IReadOnlyList<RunSummary> summaries)
    {
        html.Append("<h2>Summary</h2>\n<table><tr>");
        foreach (var column in new[] { "run", "scenario", "sweep value", "iteration", "outcome", "hypothesis", "lag p50", "lag p99", "lag max",
                     "recovery (paper) s", "recovery (fault-aware) s", "faults recovered", "peak lag", "time to detect s", "fidelity F1", "baseline similarity" })
            html.Append("<th>").Append(E(column)).Append("</th>");
        html.Append("</tr>\n");
        foreach (var s in summaries)
        {
            html.Append("<tr class=\"").Append(OutcomeClass(s.Outcome)).Append("\">");
            foreach (var cell in new[]
                     {
                         s.Run, s.Scenario, s.SweepValue, s.Iteration.ToString(CultureInfo.InvariantCulture), s.Outcome, s.Hypothesis,
                         N(s.LagP50), N(s.LagP99), N(s.LagMax), N(s.RecoveryPaperSeconds), N(s.RecoveryFaultAwareSeconds),
                         $"{s.FaultsRecovered}/{s.Faults}", N(s.PeakLag), N(s.TimeToDetectSeconds), N(s.FidelityF1Final), N(s.BaselineSimilarityFinal),
                     })
                html.Append("<td>").Append(E(cell)).Append("</td>");
            html.Append("</tr>\n");
        }
        html.Append("</table>\n");
    }

    private static void AppendRun(StringBuilder html, RunRecord record, Func<string, byte[]?> plot)
    {
        var id = RunIds.For(record.Run);
        var link = "runs/" + Uri.EscapeDataString(id) + "/";
        html.Append("<h3 id=\"").Append(E(id)).Append("\">").Append(E(id)).Append("</h3>\n<p>");
        foreach (var file in new[] { "metrics.csv", "metrics-wide.csv", "faults.csv", "checks.csv" })
            html.Append("<a href=\"").Append(E(link + file)).Append("\">").Append(E(file)).Append("</a> · ");
        html.Append("<a href=\"").Append(E("lag/" + Uri.EscapeDataString(id) + ".log")).Append("\">lag log</a></p>\n");
        Image(html, plot(PlotNames.Run(id)), $"lag and throughput of {id}");
        if (record.Faults.Count == 0)
        {
            html.Append("<p>No faults (baseline run).</p>\n");
            return;
        }
        html.Append("<table><tr><th>fault</th><th>repetition</th><th>kind</th><th>target</th><th>parameters</th><th>planned (s)</th><th>applied (s)</th><th>note</th></tr>\n");
        foreach (var f in record.Faults)
        {
            html.Append("<tr>");
            foreach (var cell in new[]
                     {
                         f.FaultIndex.ToString(CultureInfo.InvariantCulture), f.Repetition.ToString(CultureInfo.InvariantCulture), f.Kind, f.Target, f.Parameters,
                         $"{S(f.PlannedStart - record.StartTime)} – {S(f.PlannedEnd - record.StartTime)}",
                         f.AppliedStart is null ? "not applied" : $"{S(f.AppliedStart - record.StartTime)} – {(f.AppliedEnd is null ? "not removed" : S(f.AppliedEnd - record.StartTime))}",
                         f.Note,
                     })
                html.Append("<td>").Append(E(cell)).Append("</td>");
            html.Append("</tr>\n");
        }
        html.Append("</table>\n");
    }

    private static void Image(StringBuilder html, byte[]? png, string alt)
    {
        if (png is null)
            return;
        html.Append("<p><img alt=\"").Append(E(alt)).Append("\" src=\"data:image/png;base64,").Append(Convert.ToBase64String(png)).Append("\"></p>\n");
    }

    private static void Row(StringBuilder html, string name, string value) =>
        html.Append("<tr><th>").Append(E(name)).Append("</th><td>").Append(E(value)).Append("</td></tr>\n");

    private static string OutcomeClass(string outcome) =>
        outcome == "passed" ? "passed"
        : outcome == "failed" ? "failed"
        : outcome.StartsWith("aborted", StringComparison.Ordinal) ? "aborted"
        : "error";

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string N(double? value) => value is { } v ? v.ToString("G6", CultureInfo.InvariantCulture) : "";

    private static string S(double? seconds) => seconds is { } v ? v.ToString("0.###", CultureInfo.InvariantCulture) : "";
}
