using System.Globalization;
using System.Text;

namespace HeuristicsBench.Experiments;

/// <summary>
/// Durations as written in experiment files: number+unit parts with units ms, s, m, h (<c>500ms</c>, <c>30s</c>,
/// <c>1.5m</c>, <c>1h30m</c>), an optional leading '-', or a bare <c>0</c>. Bare numbers are rejected: the unit
/// is never guessed.
/// </summary>
public static class DurationText
{
    public static bool TryParse(string text, out TimeSpan value)
    {
        ArgumentNullException.ThrowIfNull(text);
        value = TimeSpan.Zero;
        var s = text.Trim();
        if (s == "0")
            return true;
        var negative = s.StartsWith('-');
        if (negative)
            s = s[1..];
        if (s.Length == 0)
            return false;

        decimal totalTicks = 0;
        var i = 0;
        while (i < s.Length)
        {
            var numberStart = i;
            while (i < s.Length && (char.IsAsciiDigit(s[i]) || s[i] == '.'))
                i++;
            if (i == numberStart || !decimal.TryParse(s.AsSpan(numberStart, i - numberStart), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
                return false;
            var unitStart = i;
            while (i < s.Length && char.IsAsciiLetterLower(s[i]))
                i++;
            long? ticksPerUnit = s[unitStart..i] switch
            {
                "ms" => TimeSpan.TicksPerMillisecond,
                "s" => TimeSpan.TicksPerSecond,
                "m" => TimeSpan.TicksPerMinute,
                "h" => TimeSpan.TicksPerHour,
                _ => null,
            };
            if (ticksPerUnit is not { } perUnit || number > TimeSpan.MaxValue.Ticks / perUnit)
                return false;
            totalTicks += number * perUnit;
        }

        if (totalTicks > TimeSpan.MaxValue.Ticks)
            return false;
        var ticks = (long)Math.Round(totalTicks);
        value = TimeSpan.FromTicks(negative ? -ticks : ticks);
        return true;
    }

    /// <summary>The shortest exact text in the file syntax: <c>2m30s</c>, <c>500ms</c>, <c>-10m</c>, <c>0</c>.</summary>
    public static string Format(TimeSpan value)
    {
        if (value == TimeSpan.Zero)
            return "0";
        var builder = new StringBuilder();
        var ticks = value.Ticks;
        if (ticks < 0)
        {
            builder.Append('-');
            ticks = -ticks;
        }
        Append(builder, ref ticks, TimeSpan.TicksPerHour, "h");
        Append(builder, ref ticks, TimeSpan.TicksPerMinute, "m");
        Append(builder, ref ticks, TimeSpan.TicksPerSecond, "s");
        if (ticks > 0)
            builder.Append(((decimal)ticks / TimeSpan.TicksPerMillisecond).ToString(CultureInfo.InvariantCulture)).Append("ms");
        return builder.ToString();
    }

    private static void Append(StringBuilder builder, ref long ticks, long perUnit, string unit)
    {
        var whole = ticks / perUnit;
        if (whole == 0)
            return;
        builder.Append(whole.ToString(CultureInfo.InvariantCulture)).Append(unit);
        ticks -= whole * perUnit;
    }
}
