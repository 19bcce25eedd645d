namespace HeuristicsBench.EventLogs;

/// <summary>An event log file could not be read because its content (or its name) is not acceptable.</summary>
public sealed class EventLogFormatException : LocatedFormatException
{
    public EventLogFormatException()
    {
    }

    public EventLogFormatException(string message) : base(message)
    {
    }

    public EventLogFormatException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public EventLogFormatException(string filePath, int? line, int? column, string reason, Exception? innerException = null)
        : base(filePath, line, column, reason, innerException)
    {
    }

    /// <summary>The file the problem is in (as the caller named it); empty when not tied to a file.</summary>
    public string FilePath => SourceName;
}
