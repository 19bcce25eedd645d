using System.Globalization;

namespace HeuristicsBench.EventLogs;

/// <summary>
/// An event log file could not be read because its content (or its name) is not acceptable.
/// The message is a single line: <c>path:line:column: reason</c>, <c>path:line: reason</c>,
/// or <c>path: reason</c> when no position is known.
/// </summary>
public sealed class EventLogFormatException : Exception
{
    /// <summary>Creates an exception without a file or position.</summary>
    public EventLogFormatException()
        : this(string.Empty, null, null, "invalid event log")
    {
    }

    /// <summary>Creates an exception with a message that is used as the reason; no file or position.</summary>
    /// <param name="message">The reason.</param>
    public EventLogFormatException(string message)
        : this(string.Empty, null, null, message)
    {
    }

    /// <summary>Creates an exception with a message that is used as the reason and a cause; no file or position.</summary>
    /// <param name="message">The reason.</param>
    /// <param name="innerException">The cause.</param>
    public EventLogFormatException(string message, Exception innerException)
        : this(string.Empty, null, null, message, innerException)
    {
    }

    /// <summary>Creates an exception for a problem in <paramref name="filePath"/>.</summary>
    /// <param name="filePath">The file, as the caller named it.</param>
    /// <param name="line">The 1-based line of the problem, or <see langword="null"/> when not known.</param>
    /// <param name="column">The 1-based column of the problem, or <see langword="null"/> when not known (ignored without a line).</param>
    /// <param name="reason">What is wrong.</param>
    /// <param name="innerException">The cause, if any.</param>
    public EventLogFormatException(string filePath, int? line, int? column, string reason, Exception? innerException = null)
        : base(Format(filePath, line, line is null ? null : column, reason), innerException)
    {
        FilePath = filePath ?? string.Empty;
        Line = line;
        Column = line is null ? null : column;
        Reason = MessageText.OneLine(reason ?? string.Empty);
    }

    /// <summary>The file the problem is in (as the caller named it); empty when not tied to a file.</summary>
    public string FilePath { get; }

    /// <summary>The 1-based line of the problem, when known.</summary>
    public int? Line { get; }

    /// <summary>The 1-based column of the problem, when known.</summary>
    public int? Column { get; }

    /// <summary>What is wrong, without the file and position.</summary>
    public string Reason { get; }

    private static string Format(string? filePath, int? line, int? column, string? reason)
    {
        var text = MessageText.OneLine(reason ?? string.Empty);
        var path = MessageText.OneLine(filePath ?? string.Empty);
        if (path.Length == 0 && line is null)
        {
            return text;
        }

        var position = line is null
            ? string.Empty
            : column is null
                ? string.Create(CultureInfo.InvariantCulture, $":{line}")
                : string.Create(CultureInfo.InvariantCulture, $":{line}:{column}");
        return $"{path}{position}: {text}";
    }
}
