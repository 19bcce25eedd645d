using System.Globalization;
using System.Text;

namespace HeuristicsBench.Chart.Tests.Rendering;

/// <summary>
/// helm's <c>toYaml</c> in the shape go-yaml v2 writes: keys sorted, lists at their key's indentation, integral
/// numbers as integers, ambiguous strings single-quoted, multi-line strings double-quoted, no trailing newline.
/// Equal in meaning to helm's output, not always byte for byte (helm writes multi-line strings as |- blocks).
/// </summary>
public static class ToYaml
{
    public static string Write(object? value)
    {
        var sb = new StringBuilder();
        switch (value)
        {
            case IDictionary<string, object?> map when map.Count > 0:
                WriteMap(sb, map, 0);
                break;
            case IList<object?> list when list.Count > 0:
                WriteList(sb, list, 0);
                break;
            default:
                sb.Append(Scalar(value)).Append('\n');
                break;
        }
        return sb.ToString().TrimEnd('\n');
    }

    private static void WriteMap(StringBuilder sb, IDictionary<string, object?> map, int indent)
    {
        foreach (var key in map.Keys.Order(StringComparer.Ordinal))
        {
            sb.Append(' ', indent).Append(ScalarString(key)).Append(':');
            WriteValue(sb, map[key], indent, indent + 2);
        }
    }

    private static void WriteList(StringBuilder sb, IList<object?> list, int indent)
    {
        foreach (var item in list)
        {
            sb.Append(' ', indent).Append('-');
            switch (item)
            {
                case IDictionary<string, object?> map when map.Count > 0:
                    var inner = new StringBuilder();
                    WriteMap(inner, map, indent + 2);
                    sb.Append(' ').Append(inner.ToString(indent + 2, inner.Length - indent - 2));
                    break;
                case IList<object?> nested when nested.Count > 0:
                    var innerList = new StringBuilder();
                    WriteList(innerList, nested, indent + 2);
                    sb.Append(' ').Append(innerList.ToString(indent + 2, innerList.Length - indent - 2));
                    break;
                default:
                    sb.Append(' ').Append(Scalar(item)).Append('\n');
                    break;
            }
        }
    }

    /// <summary>After "key:": a scalar on the same line, a map below indented, a list below at the key's indentation.</summary>
    private static void WriteValue(StringBuilder sb, object? value, int keyIndent, int childIndent)
    {
        switch (value)
        {
            case IDictionary<string, object?> map when map.Count > 0:
                sb.Append('\n');
                WriteMap(sb, map, childIndent);
                break;
            case IList<object?> list when list.Count > 0:
                sb.Append('\n');
                WriteList(sb, list, keyIndent);
                break;
            default:
                sb.Append(' ').Append(Scalar(value)).Append('\n');
                break;
        }
    }

    private static string Scalar(object? value) => value switch
    {
        null => "null",
        bool b => b ? "true" : "false",
        long l => l.ToString(CultureInfo.InvariantCulture),
        double d when d == Math.Floor(d) && Math.Abs(d) < 1e15 => ((long)d).ToString(CultureInfo.InvariantCulture),
        double d => GoValues.FormatFloat(d),
        string s => ScalarString(s),
        IDictionary<string, object?> => "{}",
        IList<object?> => "[]",
        _ => throw new InvalidOperationException($"toYaml of a {value.GetType().Name}"),
    };

    private static string ScalarString(string s)
    {
        if (s.Contains('\n', StringComparison.Ordinal) || s.Any(char.IsControl))
            return GoValues.Quote(s);
        if (NeedsQuotes(s))
            return "'" + s.Replace("'", "''", StringComparison.Ordinal) + "'";
        return s;
    }

    /// <summary>Strings a YAML 1.1 reader would take for something else, or that plain style cannot hold.</summary>
    private static bool NeedsQuotes(string s) =>
        s.Length == 0 || s != s.Trim() || Resolves(s) || ",[]{}#&*!|>'\"%@`".Contains(s[0], StringComparison.Ordinal) ||
        (s[0] is '-' or '?' or ':' && (s.Length == 1 || s[1] == ' ')) ||
        s.Contains(": ", StringComparison.Ordinal) || s.Contains(" #", StringComparison.Ordinal) || s.EndsWith(':');

    internal static bool Resolves(string s) => ValuesLoader.ResolvePlain(s) is not string;
}
