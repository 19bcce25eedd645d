using System.Globalization;

namespace HeuristicsBench.EventLogs;

/// <summary>
/// Input whose content is not acceptable, located in a source (a file as the caller named it, or a resource).
/// The message is a single line: <c>source:line:column: reason</c>, <c>source:line: reason</c>, or
/// <c>source: reason</c> when no position is known (line and column 1-based). The one error shape for every
/// file the project reads — event logs, model files — so a caller can catch <see cref="FormatException"/>.
/// </summary>
public class LocatedFormatException : FormatException
{
    public LocatedFormatException()
        : this(string.Empty, null, null, "invalid input")
    {
    }

    public LocatedFormatException(string message)
        : this(string.Empty, null, null, message)
    {
    }

    public LocatedFormatException(string message, Exception innerException)
        : this(string.Empty, null, null, message, innerException)
    {
    }

    /// <param name="sourceName">Where the problem is (file path as given, or a resource name); may be empty.</param>
    /// <param name="line">The 1-based line, or null when not known.</param>
    /// <param name="column">The 1-based column, or null when not known (ignored without a line).</param>
    /// <param name="reason">What is wrong.</param>
    /// <param name="innerException">The cause, if any.</param>
    public LocatedFormatException(string sourceName, int? line, int? column, string reason, Exception? innerException = null)
        : base(Format(sourceName, line, line is null ? null : column, reason), innerException)
    {
        SourceName = MessageText.OneLine(sourceName ?? string.Empty);
        Line = line;
        Column = line is null ? null : column;
        Reason = MessageText.OneLine(reason ?? string.Empty);
    }

    /// <summary>Where the problem is; empty when not tied to a source.</summary>
    public string SourceName { get; }

    /// <summary>The 1-based line of the problem, when known.</summary>
    public int? Line { get; }

    /// <summary>The 1-based column of the problem, when known.</summary>
    public int? Column { get; }

    /// <summary>What is wrong, without the source and position.</summary>
    public string Reason { get; }

    private static string Format(string? sourceName, int? line, int? column, string? reason)
    {
        var text = MessageText.OneLine(reason ?? string.Empty);
        var source = MessageText.OneLine(sourceName ?? string.Empty);
        if (source.Length == 0 && line is null)
            return text;
        var position = line is null
            ? string.Empty
            : column is null
                ? string.Create(CultureInfo.InvariantCulture, $":{line}")
                : string.Create(CultureInfo.InvariantCulture, $":{line}:{column}");
        return $"{source}{position}: {text}";
    }
}
