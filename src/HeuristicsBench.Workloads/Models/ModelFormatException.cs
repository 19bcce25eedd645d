using System.Globalization;
using System.Text;

namespace HeuristicsBench.Workloads.Models;

/// <summary>
/// A model file could not be read because its content is not acceptable. The message is a single line:
/// <c>source:line:column: reason</c>, <c>source:line: reason</c>, or <c>source: reason</c> when no position
/// is known (line and column are 1-based; the column counts UTF-16 code units, a tab counting as one).
/// </summary>
public sealed class ModelFormatException : Exception
{
    /// <summary>Creates an exception without a source or position.</summary>
    public ModelFormatException()
        : this(string.Empty, null, null, "invalid model")
    {
    }

    /// <summary>Creates an exception whose message is the reason; no source or position.</summary>
    /// <param name="message">The reason.</param>
    public ModelFormatException(string message)
        : this(string.Empty, null, null, message)
    {
    }

    /// <summary>Creates an exception whose message is the reason, with a cause; no source or position.</summary>
    /// <param name="message">The reason.</param>
    /// <param name="innerException">The cause.</param>
    public ModelFormatException(string message, Exception innerException)
        : this(string.Empty, null, null, message, innerException)
    {
    }

    /// <summary>Creates an exception for a problem in <paramref name="sourceName"/>.</summary>
    /// <param name="sourceName">The source (a file name as the caller named it, or a resource name).</param>
    /// <param name="line">The 1-based line, or <see langword="null"/> when not known.</param>
    /// <param name="column">The 1-based column, or <see langword="null"/> when not known (ignored without a line).</param>
    /// <param name="reason">What is wrong.</param>
    /// <param name="innerException">The cause, if any.</param>
    public ModelFormatException(string sourceName, int? line, int? column, string reason, Exception? innerException = null)
        : base(Format(sourceName, line, line is null ? null : column, reason), innerException)
    {
        SourceName = OneLine(sourceName ?? string.Empty);
        Line = line;
        Column = line is null ? null : column;
        Reason = OneLine(reason ?? string.Empty);
    }

    /// <summary>The source the problem is in; empty when not tied to a source.</summary>
    public string SourceName { get; }

    /// <summary>The 1-based line of the problem, when known.</summary>
    public int? Line { get; }

    /// <summary>The 1-based column of the problem, when known.</summary>
    public int? Column { get; }

    /// <summary>What is wrong, without the source and position.</summary>
    public string Reason { get; }

    private static string Format(string? sourceName, int? line, int? column, string? reason)
    {
        var text = OneLine(reason ?? string.Empty);
        var source = OneLine(sourceName ?? string.Empty);
        if (source.Length == 0 && line is null)
            return text;
        var position = line is null
            ? string.Empty
            : column is null
                ? string.Create(CultureInfo.InvariantCulture, $":{line}")
                : string.Create(CultureInfo.InvariantCulture, $":{line}:{column}");
        return $"{source}{position}: {text}";
    }

    /// <summary>Escapes control characters (line breaks included) so that the text stays on one line.</summary>
    private static string OneLine(string text)
    {
        if (!text.Any(char.IsControl))
            return text;
        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            _ = c switch
            {
                '\n' => builder.Append("\\n"),
                '\r' => builder.Append("\\r"),
                '\t' => builder.Append("\\t"),
                _ when char.IsControl(c) => builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}"),
                _ => builder.Append(c),
            };
        }
        return builder.ToString();
    }
}
