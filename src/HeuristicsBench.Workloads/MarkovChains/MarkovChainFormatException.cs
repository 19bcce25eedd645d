using System.Globalization;

namespace HeuristicsBench.Workloads.MarkovChains;

/// <summary>
/// A Markov-chain file that cannot be used. The message is one line, <c>source:line[:column]: reason</c>,
/// where the reason starts with the field path (e.g. <c>states.Assembling.events[0].next: ...</c>).
/// Line and column count from 1.
/// </summary>
public sealed class MarkovChainFormatException : FormatException
{
    public MarkovChainFormatException()
        : this("", 0, null, "invalid Markov chain")
    {
    }

    public MarkovChainFormatException(string message)
        : base(message)
    {
        SourceName = "";
        Reason = message;
    }

    public MarkovChainFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
        SourceName = "";
        Reason = message;
    }

    public MarkovChainFormatException(string sourceName, int line, int? column, string reason, Exception? innerException = null)
        : base(Format(sourceName, line, column, reason), innerException)
    {
        SourceName = sourceName;
        Line = line;
        Column = column;
        Reason = reason.ReplaceLineEndings(" ");
    }

    /// <summary>The name the caller gave the text (usually its file path).</summary>
    public string SourceName { get; }

    /// <summary>1-based line of the offending node, 0 when unknown.</summary>
    public int Line { get; }

    /// <summary>1-based column of the offending node, when known.</summary>
    public int? Column { get; }

    /// <summary>The message without the location prefix.</summary>
    public string Reason { get; }

    private static string Format(string sourceName, int line, int? column, string reason)
    {
        var oneLine = reason.ReplaceLineEndings(" ");
        return column is { } c
            ? string.Create(CultureInfo.InvariantCulture, $"{sourceName}:{line}:{c}: {oneLine}")
            : string.Create(CultureInfo.InvariantCulture, $"{sourceName}:{line}: {oneLine}");
    }
}
