using System.Globalization;

namespace HeuristicsBench.Analysis.Reports;

/// <summary>
/// <c>file,events,mean_recovery_s</c> with exactly one row per log, in the given order. <c>events</c> is the
/// number of recovery spans, or <c>skipped</c> for a log the paper's rule drops (too few rows);
/// <c>mean_recovery_s</c> is the mean span duration in seconds (shortest round-trip form), empty for a skipped
/// log and for a log with no span. Names are quoted as RFC 4180 requires.
/// </summary>
public static class RecoveryCsv
{
    public const string Header = "file,events,mean_recovery_s";

    public const string SkippedMarker = "skipped";

    public static void Write(TextWriter writer, IEnumerable<AnalyzedLog> logs)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(logs);
        writer.Write(Header);
        writer.Write('\n');
        foreach (var log in logs)
        {
            writer.Write(Quote(log.Name));
            writer.Write(',');
            writer.Write(log.Result.Skipped ? SkippedMarker : log.Result.Spans.Count.ToString(CultureInfo.InvariantCulture));
            writer.Write(',');
            if (log.Result.MeanRecoverySeconds is { } mean)
                writer.Write(mean.ToString("R", CultureInfo.InvariantCulture));
            writer.Write('\n');
        }
    }

    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
