namespace HeuristicsBench.EventLogs;

/// <summary>
/// Parses the timestamps of event logs: ISO 8601 extended format dates and times as XES
/// (xs:dateTime) and CSV exports write them, without culture dependence and without allocating.
/// </summary>
/// <remarks>
/// Accepted: <c>yyyy-MM-dd</c>, optionally followed by <c>T</c>, <c>t</c> or a space and
/// <c>HH:mm</c>, <c>HH:mm:ss</c> or <c>HH:mm:ss.fff…</c> (any number of fraction digits, <c>.</c> or <c>,</c>;
/// digits past the seventh are truncated), optionally followed by <c>Z</c>, <c>±HH:mm</c>, <c>±HHmm</c> or <c>±HH</c>.
/// <c>24:00:00</c> is the end of the day. Surrounding whitespace is ignored. A value without an offset is UTC;
/// the offset a value has is kept. The paper's <c>yyyy-MM-dd HH:mm:ss</c> is the space-separated form.
/// </remarks>
public static class TimestampParser
{
    private const int MaxFractionDigits = 7;

    /// <summary>Parses <paramref name="text"/> as a timestamp.</summary>
    /// <param name="text">The text.</param>
    /// <param name="value">The timestamp, or the default when the text is not one.</param>
    /// <returns>Whether the text is a valid timestamp.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, out DateTimeOffset value)
    {
        value = default;
        text = text.Trim();
        if (!TryParseDate(text, out var year, out var month, out var day))
        {
            return false;
        }

        int hour = 0, minute = 0, second = 0;
        long fraction = 0;
        var offset = TimeSpan.Zero;
        var pos = 10;
        if (pos < text.Length)
        {
            var separator = text[pos];
            if (separator != 'T' && separator != 't' && separator != ' ')
            {
                return false;
            }

            pos++;
            if (!TryParseTime(text, ref pos, out hour, out minute, out second, out fraction)
                || !TryParseOffset(text, ref pos, out offset)
                || pos != text.Length)
            {
                return false;
            }
        }

        var endOfDay = hour == 24 && minute == 0 && second == 0 && fraction == 0;
        if ((hour > 23 && !endOfDay) || minute > 59 || second > 59)
        {
            return false;
        }

        var timeOfDay = endOfDay
            ? TimeSpan.TicksPerDay
            : (hour * TimeSpan.TicksPerHour) + (minute * TimeSpan.TicksPerMinute) + (second * TimeSpan.TicksPerSecond) + fraction;
        var ticks = new DateTime(year, month, day).Ticks + timeOfDay;
        var utcTicks = ticks - offset.Ticks;
        if (ticks > DateTime.MaxValue.Ticks || utcTicks < DateTime.MinValue.Ticks || utcTicks > DateTime.MaxValue.Ticks)
        {
            return false;
        }

        value = new DateTimeOffset(ticks, offset);
        return true;
    }

    private static bool TryParseDate(ReadOnlySpan<char> text, out int year, out int month, out int day)
    {
        month = 0;
        day = 0;
        if (!TryDigits(text, 0, 4, out year)
            || text.Length < 10
            || text[4] != '-'
            || !TryDigits(text, 5, 2, out month)
            || text[7] != '-'
            || !TryDigits(text, 8, 2, out day))
        {
            return false;
        }

        return year >= 1 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);
    }

    private static bool TryParseTime(ReadOnlySpan<char> text, ref int pos, out int hour, out int minute, out int second, out long fraction)
    {
        minute = 0;
        second = 0;
        fraction = 0;
        if (!TryDigits(text, pos, 2, out hour)
            || pos + 2 >= text.Length
            || text[pos + 2] != ':'
            || !TryDigits(text, pos + 3, 2, out minute))
        {
            return false;
        }

        pos += 5;
        if (pos >= text.Length || text[pos] != ':')
        {
            return true;
        }

        if (!TryDigits(text, pos + 1, 2, out second))
        {
            return false;
        }

        pos += 3;
        if (pos >= text.Length || (text[pos] != '.' && text[pos] != ','))
        {
            return true;
        }

        pos++;
        var start = pos;
        while (pos < text.Length && char.IsAsciiDigit(text[pos]))
        {
            if (pos - start < MaxFractionDigits)
            {
                fraction = (fraction * 10) + (text[pos] - '0');
            }

            pos++;
        }

        var digits = pos - start;
        if (digits == 0)
        {
            return false;
        }

        for (var i = digits; i < MaxFractionDigits; i++)
        {
            fraction *= 10;
        }

        return true;
    }

    private static bool TryParseOffset(ReadOnlySpan<char> text, ref int pos, out TimeSpan offset)
    {
        offset = TimeSpan.Zero;
        if (pos >= text.Length)
        {
            return true;
        }

        var sign = text[pos];
        if (sign is 'Z' or 'z')
        {
            pos++;
            return true;
        }

        if (sign is not ('+' or '-'))
        {
            return false;
        }

        pos++;
        if (!TryDigits(text, pos, 2, out var hours))
        {
            return false;
        }

        pos += 2;
        var minutes = 0;
        if (pos < text.Length)
        {
            if (text[pos] == ':')
            {
                pos++;
            }

            if (!TryDigits(text, pos, 2, out minutes))
            {
                return false;
            }

            pos += 2;
        }

        if (minutes > 59 || (hours * 60) + minutes > 14 * 60)
        {
            return false;
        }

        offset = new TimeSpan(hours, minutes, 0);
        if (sign == '-')
        {
            offset = offset.Negate();
        }

        return true;
    }

    private static bool TryDigits(ReadOnlySpan<char> text, int start, int count, out int value)
    {
        value = 0;
        if (start < 0 || start + count > text.Length)
        {
            return false;
        }

        for (var i = start; i < start + count; i++)
        {
            var c = text[i];
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }
}
