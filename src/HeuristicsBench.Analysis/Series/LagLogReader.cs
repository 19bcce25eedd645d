using System.Globalization;

namespace HeuristicsBench.Analysis.Series;

/// <summary>
/// Reads the reference paper's lag logs: CSV with the header <c>Metric,Time,Value</c> and one row per sample,
/// <c>metric name,unix seconds,lag</c>. Empty lines are ignored (as pandas does); a header-only log is an
/// empty series. All rows must name the same metric, so two series are never analysed as one.
/// </summary>
public static class LagLogReader
{
    public const string Header = "Metric,Time,Value";

    /// <exception cref="LagLogFormatException">The text is not such a log; names the line.</exception>
    public static LagSeries Read(TextReader reader, string source)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(source);
        var times = new List<double>();
        var values = new List<double>();
        string? metric = null;
        bool headerSeen = false;
        int lineNumber = 0;
        string? line;
        while ((line = reader.ReadLine()) != null)
        {
            lineNumber++;
            if (line.Length == 0)
                continue;
            if (!headerSeen)
            {
                if (line.TrimStart('\uFEFF') != Header)
                    throw new LagLogFormatException(source, lineNumber, $"expected the header '{Header}', found '{Shorten(line)}'");
                headerSeen = true;
                continue;
            }

            var fields = line.Split(',');
            if (fields.Length != 3)
                throw new LagLogFormatException(source, lineNumber, $"expected 3 fields (Metric,Time,Value), found {fields.Length}");
            if (fields[0].Length == 0)
                throw new LagLogFormatException(source, lineNumber, "the metric name is empty");
            metric ??= fields[0];
            if (fields[0] != metric)
                throw new LagLogFormatException(source, lineNumber, $"metric '{Shorten(fields[0])}' differs from '{Shorten(metric)}' on the first row");
            times.Add(Number(fields[1], "Time", source, lineNumber));
            values.Add(Number(fields[2], "Value", source, lineNumber));
        }

        if (!headerSeen)
            throw new LagLogFormatException(source, Math.Max(lineNumber, 1), $"empty log: no '{Header}' header");
        return new LagSeries(times, values);
    }

    private static double Number(string text, string column, string source, int line)
    {
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
            throw new LagLogFormatException(source, line, $"{column} '{Shorten(text)}' is not a finite number");
        return value;
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : string.Concat(text.AsSpan(0, 57), "...");
}
