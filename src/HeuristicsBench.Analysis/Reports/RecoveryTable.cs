using System.Globalization;
using HeuristicsBench.Analysis.Paper;

namespace HeuristicsBench.Analysis.Reports;

/// <summary>
/// A readable, aligned text table of the paper's method over several logs (one row each), followed by the mean
/// of the per-file means with full precision.
/// </summary>
public static class RecoveryTable
{
    private static readonly string[] Columns = ["file", "rows", "median", "peaks", "events", "mean_recovery_s", "note"];

    public static void Write(TextWriter writer, IReadOnlyList<AnalyzedLog> logs, PaperRecoveryOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(logs);
        ArgumentNullException.ThrowIfNull(options);
        var inv = CultureInfo.InvariantCulture;
        writer.WriteLine(string.Create(inv,
            $"Paper recovery times: peaks with prominence >= {options.MinimumProminence}, spans until lag < median x {options.MedianFraction}, logs with < {options.MinimumRows} rows skipped."));
        writer.WriteLine();

        var rows = new List<string[]> { Columns };
        foreach (var log in logs)
        {
            var r = log.Result;
            string note = r.Skipped ? $"skipped: {r.Rows} rows < {options.MinimumRows}"
                : r.Spans.Count == 0 ? "no recovery span (not in the mean)"
                : string.Empty;
            rows.Add(
            [
                log.Name,
                r.Rows.ToString(inv),
                r.Median is { } m ? m.ToString(inv) : "-",
                r.Skipped ? "-" : r.Peaks.Count.ToString(inv),
                r.Skipped ? "-" : r.Spans.Count.ToString(inv),
                r.MeanRecoverySeconds is { } mean ? mean.ToString("F3", inv) : "-",
                note,
            ]);
        }

        var widths = new int[Columns.Length];
        foreach (var row in rows)
        {
            for (int c = 0; c < row.Length; c++)
                widths[c] = Math.Max(widths[c], row[c].Length);
        }

        foreach (var row in rows)
        {
            var line = new System.Text.StringBuilder();
            for (int c = 0; c < row.Length; c++)
            {
                if (c > 0)
                    line.Append("  ");
                bool leftAligned = c == 0 || c == row.Length - 1;
                line.Append(leftAligned ? row[c].PadRight(widths[c]) : row[c].PadLeft(widths[c]));
            }

            writer.WriteLine(line.ToString().TrimEnd());
        }

        writer.WriteLine();
        int withMean = logs.Count(l => l.Result.MeanRecoverySeconds is not null);
        var meanOfMeans = PaperRecoveryMethod.MeanOfFileMeans(logs.Select(l => l.Result));
        writer.WriteLine(meanOfMeans is { } value
            ? string.Create(inv, $"Mean of per-file means: {value:R} s ({withMean} of {logs.Count} logs have recovery spans).")
            : string.Create(inv, $"Mean of per-file means: none ({logs.Count} logs, none with a recovery span)."));
    }
}
