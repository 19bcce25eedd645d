using System.Buffers;
using System.Globalization;
using System.Text.Unicode;
using CsvHelper;

namespace HeuristicsBench.EventLogs;

/// <summary>
/// Reads CSV event logs lazily, one row per event, in file order.
/// </summary>
/// <remarks>
/// <para>The first row is the header. Required columns: <c>case_id</c> (or pm4py's <c>case:concept:name</c>) and
/// <c>activity</c> (or <c>concept:name</c>); optional: <c>timestamp</c> (or <c>time:timestamp</c>) and
/// <c>lifecycle</c> (or <c>lifecycle:transition</c>), which <see cref="LifecycleFilter.CompleteOnly"/> filters on
/// like XES (an empty value counts as absent). Other columns are ignored. Names are matched case-sensitively after
/// trimming whitespace.</para>
/// <para>Fields are separated by commas and quoted as RFC 4180 says; the text is UTF-8 (a byte order mark is
/// honored). Completely empty lines carry no record and are passed over. Every row must have as many fields as the
/// header. Case id and activity must not be empty or blank. Timestamps are parsed by <see cref="TimestampParser"/>;
/// an empty timestamp is <see langword="null"/>. Any violation is an <see cref="EventLogFormatException"/> naming
/// the 1-based physical line where the row starts.</para>
/// <para>Case ids and activities come from a <see cref="StringPool"/>, so repeated values are the same instance.</para>
/// </remarks>
public static class CsvEventLogReader
{
    private static readonly CsvReaderOptions ReaderOptions = CsvReaderOptions.Default with
    {
        Separator = ',',
        HasHeader = true,
        Mode = CsvMode.Rfc4180,
        AllowLineBreaksInQuotes = true,
        SkipEmptyLines = true,
        TrimWhitespace = false,
        MalformedData = CsvMalformedDataHandling.Throw,
        FieldCountMismatch = CsvFieldCountHandling.Allow,
        TrackLineNumbers = true,
        DetectSeparatorHint = false,
        PoolStrings = false,
    };

    /// <summary>Reads the events of a CSV file. The file is opened when the enumeration starts and closed when it ends or is disposed.</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">The options; only <see cref="EventLogReadOptions.Lifecycle"/> applies to CSV.</param>
    /// <returns>The events in file order.</returns>
    /// <exception cref="EventLogFormatException">The content is not a valid event log (thrown while enumerating).</exception>
    public static IEnumerable<LogEvent> Read(string path, EventLogReadOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return ReadRows(path, options ?? new EventLogReadOptions());
    }

    private static IEnumerable<LogEvent> ReadRows(string path, EventLogReadOptions options)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        using var csv = CsvReader.Create(file, ReaderOptions, leaveOpen: true);
        var columns = ReadHeader(csv, path);
        var completeOnly = options.Lifecycle == LifecycleFilter.CompleteOnly && columns.Lifecycle >= 0;
        var pool = new StringPool();
        var chars = ArrayPool<char>.Shared.Rent(256);
        try
        {
            while (NextRow(csv, path))
            {
                var line = checked((int)csv.LineNumber);
                if (csv.FieldCount != columns.HeaderCount)
                {
                    throw new EventLogFormatException(
                        path,
                        line,
                        null,
                        string.Create(CultureInfo.InvariantCulture, $"row has {csv.FieldCount} field(s) but the header has {columns.HeaderCount}"));
                }

                var caseIdText = Decode(csv, columns.CaseId, ref chars, path, line);
                if (caseIdText.IsWhiteSpace())
                {
                    throw new EventLogFormatException(path, line, null, "empty case id");
                }

                var caseId = pool.Intern(caseIdText);
                var activityText = Decode(csv, columns.Activity, ref chars, path, line);
                if (activityText.IsWhiteSpace())
                {
                    throw new EventLogFormatException(path, line, null, "empty activity");
                }

                var activity = pool.Intern(activityText);
                DateTimeOffset? timestamp = null;
                if (columns.Timestamp >= 0)
                {
                    var text = Decode(csv, columns.Timestamp, ref chars, path, line);
                    if (!text.IsEmpty)
                    {
                        if (!TimestampParser.TryParse(text, out var parsed))
                        {
                            throw new EventLogFormatException(path, line, null, $"invalid timestamp {MessageText.Quote(text)}");
                        }

                        timestamp = parsed;
                    }
                }

                if (completeOnly && !IsComplete(csv.GetSpan(columns.Lifecycle)))
                {
                    continue;
                }

                yield return new LogEvent(caseId, activity, timestamp);
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    private static CsvColumnMap ReadHeader(CsvReader csv, string path)
    {
        IReadOnlyList<string> headers;
        try
        {
            csv.ReadHeader();
            headers = csv.Headers;
        }
        catch (CsvFormatException ex)
        {
            throw Malformed(path, ex);
        }

        if (headers.Count == 0)
        {
            throw new EventLogFormatException(path, null, null, "empty file; a header row is required");
        }

        return CsvColumnMap.Resolve(headers, path, checked((int)csv.LineNumber));
    }

    private static bool NextRow(CsvReader csv, string path)
    {
        try
        {
            return csv.Read();
        }
        catch (CsvFormatException ex)
        {
            throw Malformed(path, ex);
        }
    }

    private static EventLogFormatException Malformed(string path, CsvFormatException ex)
    {
        var reason = StripPosition(ex.Message);
        return ex.LineNumber > 0
            ? new EventLogFormatException(path, checked((int)ex.LineNumber), null, reason, ex)
            : new EventLogFormatException(path, null, null, reason, ex);
    }

    // CsvHelper's messages start with "Malformed CSV in record N (line L): "; the line is in our prefix already.
    private static string StripPosition(string message)
    {
        var marker = message.IndexOf("): ", StringComparison.Ordinal);
        return message.StartsWith("Malformed CSV in record ", StringComparison.Ordinal) && marker > 0
            ? "malformed CSV: " + message[(marker + 3)..]
            : message;
    }

    private static ReadOnlySpan<char> Decode(CsvReader csv, int field, ref char[] chars, string path, int line)
    {
        var bytes = csv.GetSpan(field);
        if (bytes.Length > chars.Length)
        {
            ArrayPool<char>.Shared.Return(chars);
            chars = ArrayPool<char>.Shared.Rent(bytes.Length);
        }

        var status = Utf8.ToUtf16(bytes, chars, out _, out var written, replaceInvalidSequences: false);
        if (status != OperationStatus.Done)
        {
            throw new EventLogFormatException(
                path,
                line,
                null,
                string.Create(CultureInfo.InvariantCulture, $"field {field + 1} is not valid UTF-8"));
        }

        return chars.AsSpan(0, written);
    }

    private static bool IsComplete(ReadOnlySpan<byte> lifecycle)
    {
        var value = lifecycle[System.Text.Ascii.Trim(lifecycle)];
        return value.IsEmpty || System.Text.Ascii.EqualsIgnoreCase(value, "complete"u8);
    }
}
