using System.Text;

namespace HeuristicsBench.EventLogs;

/// <summary>Helpers that keep error messages on one line and of reasonable length.</summary>
internal static class MessageText
{
    private const int MaxQuotedLength = 80;

    /// <summary>Replaces line breaks and other control characters so that <paramref name="text"/> fits on one line.</summary>
    public static string OneLine(string text)
    {
        var clean = true;
        foreach (var c in text)
        {
            if (char.IsControl(c))
            {
                clean = false;
                break;
            }
        }

        if (clean)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            AppendEscaped(builder, c);
        }

        return builder.ToString();
    }

    /// <summary>Quotes a value from the input for a message: escaped, on one line, and cut short when long.</summary>
    public static string Quote(ReadOnlySpan<char> value)
    {
        var builder = new StringBuilder(Math.Min(value.Length, MaxQuotedLength) + 8);
        builder.Append('\'');
        var length = Math.Min(value.Length, MaxQuotedLength);
        for (var i = 0; i < length; i++)
        {
            AppendEscaped(builder, value[i]);
        }

        if (value.Length > MaxQuotedLength)
        {
            builder.Append("...");
        }

        builder.Append('\'');
        return builder.ToString();
    }

    private static void AppendEscaped(StringBuilder builder, char c)
    {
        switch (c)
        {
            case '\n':
                builder.Append("\\n");
                break;
            case '\r':
                builder.Append("\\r");
                break;
            case '\t':
                builder.Append("\\t");
                break;
            default:
                if (char.IsControl(c))
                {
                    builder.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                }
                else
                {
                    builder.Append(c);
                }

                break;
        }
    }
}
