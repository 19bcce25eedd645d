using System.Text;

namespace HeuristicsBench.Chart.Tests.Rendering;

/// <summary>A piece of a template: text, or the inside of one <c>{{ }}</c> action (trim markers and comments removed).</summary>
public sealed record Piece(bool IsAction, string Text, int Line);

/// <summary>
/// Splits a template into text and actions the way text/template does: <c>{{- </c> removes the white space before
/// the action, <c> -}}</c> the white space after it (the markers need a space next to them); <c>{{/* */}}</c> is a
/// comment. Raw string literals (backquotes) are not supported.
/// </summary>
public static class Lexer
{
    public static IReadOnlyList<Piece> Split(string file, string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var pieces = new List<Piece>();
        var text = new StringBuilder();
        int line = 1, textLine = 1, i = 0;
        while (i < source.Length)
        {
            var open = source.IndexOf("{{", i, StringComparison.Ordinal);
            if (open < 0)
            {
                text.Append(source, i, source.Length - i);
                break;
            }
            text.Append(source, i, open - i);
            line += Count(source, i, open);
            var actionLine = line;
            var start = open + 2;
            var trimLeft = start + 1 < source.Length && source[start] == '-' && char.IsWhiteSpace(source[start + 1]);
            if (trimLeft)
                start += 2;
            var close = FindClose(file, source, start, actionLine);
            var end = close;
            var trimRight = end - 2 >= start && source[end - 1] == '-' && char.IsWhiteSpace(source[end - 2]);
            if (trimRight)
                end -= 2;
            if (trimLeft)
                TrimEnd(text);
            if (text.Length > 0)
                pieces.Add(new Piece(false, text.ToString(), textLine));
            text.Clear();
            var inside = source[start..end].Trim();
            if (!(inside.StartsWith("/*", StringComparison.Ordinal) && inside.EndsWith("*/", StringComparison.Ordinal)))
            {
                if (inside.Length == 0)
                    throw new TemplateException(file, actionLine, "empty action {{ }}");
                pieces.Add(new Piece(true, inside, actionLine));
            }
            line += Count(source, open, close + 2);
            i = close + 2;
            if (trimRight)
            {
                while (i < source.Length && char.IsWhiteSpace(source[i]))
                {
                    if (source[i] == '\n')
                        line++;
                    i++;
                }
            }
            textLine = line;
        }
        if (text.Length > 0)
            pieces.Add(new Piece(false, text.ToString(), textLine));
        return pieces;
    }

    /// <summary>The index of the <c>}}</c> that closes the action starting at <paramref name="start"/>, skipping string literals and comments.</summary>
    private static int FindClose(string file, string source, int start, int line)
    {
        var i = start;
        while (i < source.Length)
        {
            var c = source[i];
            if (c == '/' && i + 1 < source.Length && source[i + 1] == '*')
            {
                var endComment = source.IndexOf("*/", i + 2, StringComparison.Ordinal);
                if (endComment < 0)
                    throw new TemplateException(file, line, "unclosed comment");
                i = endComment + 2;
                continue;
            }
            if (c == '`')
                throw new TemplateException(file, line, "raw string literals (backquotes) are outside the supported subset");
            if (c == '"')
            {
                i++;
                while (i < source.Length && source[i] != '"')
                {
                    if (source[i] == '\n')
                        throw new TemplateException(file, line, "unterminated string literal");
                    i += source[i] == '\\' ? 2 : 1;
                }
                i++;
                continue;
            }
            if (c == '}' && i + 1 < source.Length && source[i + 1] == '}')
                return i;
            i++;
        }
        throw new TemplateException(file, line, "unclosed action: {{ without }}");
    }

    private static void TrimEnd(StringBuilder text)
    {
        var n = text.Length;
        while (n > 0 && char.IsWhiteSpace(text[n - 1]))
            n--;
        text.Length = n;
    }

    private static int Count(string s, int from, int to)
    {
        var n = 0;
        for (var i = from; i < to && i < s.Length; i++)
        {
            if (s[i] == '\n')
                n++;
        }
        return n;
    }
}
