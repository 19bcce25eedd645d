using HeuristicsBench.Workloads.Models;

namespace HeuristicsBench.Workloads.ProcessTrees;

/// <summary>
/// Reads process trees in pm4py's string notation with a few optional extensions.
/// <list type="bullet">
/// <item>Tree: <c>-&gt;( … )</c> sequence, <c>X( … )</c> exclusive choice, <c>+( … )</c> parallel,
/// <c>*( do, redo )</c> loop (exactly two children), <c>'label'</c> activity, <c>tau</c> (or <c>τ</c>) silent step.
/// Operators take one or more children separated by commas; whitespace and line breaks are free between tokens.
/// A label is everything between two single quotes on one line (no escapes, non-empty), as in pm4py.
/// pm4py's other operators (<c>O</c>, <c>&lt;&gt;</c>, <c>PO</c>) are not supported.</item>
/// <item>Choice weights: <c>X[0.7,0.3]( 'a', 'b' )</c>, one positive relative weight per child.</item>
/// <item>Loop redo probability: <c>*[0.3]( 'a', 'b' )</c>, strictly between 0 and 1.</item>
/// <item>Comments: <c>#</c> outside a label starts a comment up to the end of the line.</item>
/// <item>Directives, each on its own line: <c>@duration 'label' DIST</c> and <c>@default-duration DIST</c>, where
/// DIST is <c>constant T</c>, <c>uniform MIN MAX</c> or <c>gaussian MEAN SD</c> and a time T is a number with a unit
/// <c>ms</c>, <c>s</c>, <c>m</c> or <c>h</c> (<c>@duration 'register' uniform 10s 2m</c>). Each label at most once,
/// and only labels of the tree.</item>
/// </list>
/// A text without extensions is exactly pm4py's notation (<see cref="ProcessTreeNode.ToString"/> writes it).
/// Errors throw <see cref="ModelFormatException"/> with the message <c>source:line:column: reason</c>.
/// </summary>
public static class ProcessTreeParser
{
    /// <summary>The deepest operator nesting accepted.</summary>
    public const int MaxDepth = 500;

    /// <summary>Parses a model text.</summary>
    /// <param name="text">The text.</param>
    /// <param name="sourceName">The name used in error messages (e.g. the file path).</param>
    /// <exception cref="ModelFormatException">The text is not a valid process tree.</exception>
    public static ProcessTree Parse(string text, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(sourceName);
        return new ProcessTreeTextParser(text, sourceName).ParseDocument();
    }

    /// <summary>Parses a model text read to its end from <paramref name="reader"/>.</summary>
    /// <exception cref="ModelFormatException">The text is not a valid process tree.</exception>
    public static ProcessTree Parse(TextReader reader, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return Parse(reader.ReadToEnd(), sourceName);
    }
}
