namespace HeuristicsBench.Analysis.Series;

/// <summary>A lag log that is not <c>Metric,Time,Value</c> CSV; <see cref="Line"/> is 1-based.</summary>
public sealed class LagLogFormatException : FormatException
{
    public LagLogFormatException(string logName, int line, string reason)
        : base($"{logName}:{line}: {reason}")
    {
        LogName = logName;
        Line = line;
        Reason = reason;
    }

    public LagLogFormatException()
        : this("<unknown>", 0, "malformed lag log")
    {
    }

    public LagLogFormatException(string message)
        : this("<unknown>", 0, message)
    {
    }

    public LagLogFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
        LogName = "<unknown>";
        Reason = message;
    }

    /// <summary>The name of the log (a file path in the CLI).</summary>
    public string LogName { get; }

    public int Line { get; }

    public string Reason { get; }
}
