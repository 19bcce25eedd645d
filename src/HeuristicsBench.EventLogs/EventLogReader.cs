namespace HeuristicsBench.EventLogs;

/// <summary>Reads event log files of any supported format as a stream of <see cref="LogEvent"/>.</summary>
public static class EventLogReader
{
    /// <summary>The file name endings this reader accepts (compared ignoring case).</summary>
    public static IReadOnlyList<string> SupportedExtensions { get; } = [".csv", ".xes", ".xes.gz"];

    /// <summary>
    /// Reads the events of <paramref name="path"/>, choosing the format by its extension:
    /// <c>.csv</c> (<see cref="CsvEventLogReader"/>), <c>.xes</c> and <c>.xes.gz</c> (<see cref="XesEventLogReader"/>).
    /// The file is opened when the enumeration starts and closed when it ends or is disposed.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="options">The options, or <see langword="null"/> for the defaults.</param>
    /// <returns>The events, in file order for CSV and in the order <see cref="XesEventLogReader"/> describes for XES.</returns>
    /// <exception cref="EventLogFormatException">
    /// The extension is not supported (thrown by this call), or the content is not a valid event log (thrown while enumerating).
    /// </exception>
    public static IEnumerable<LogEvent> Read(string path, EventLogReadOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        options ??= new EventLogReadOptions();
        if (path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            return CsvEventLogReader.Read(path, options);
        }

        if (path.EndsWith(".xes", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".xes.gz", StringComparison.OrdinalIgnoreCase))
        {
            return XesEventLogReader.Read(path, options);
        }

        throw new EventLogFormatException(
            path,
            null,
            null,
            $"unsupported event log file extension; expected one of {string.Join(", ", SupportedExtensions)}");
    }
}
