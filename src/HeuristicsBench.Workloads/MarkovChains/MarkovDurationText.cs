using System.Globalization;

namespace HeuristicsBench.Workloads.MarkovChains;

/// <summary>
/// Durations as written in Markov-chain files: one or more number+unit parts, units ms, s, m, h, d
/// (<c>30s</c>, <c>1.5m</c>, <c>1h30m</c>), optionally preceded by '-' (parsed, then rejected by the validator
/// with its line), or a bare <c>0</c>.
/// </summary>
internal static class MarkovDurationText
{
    public static bool TryParse(string text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        var s = text.Trim();
        if (s == "0")
            return true;
        var negative = s.StartsWith('-');
        if (negative)
            s = s[1..];
        if (s.Length == 0)
            return false;

        double totalTicks = 0;
        var i = 0;
        while (i < s.Length)
        {
            var numberStart = i;
            while (i < s.Length && (char.IsAsciiDigit(s[i]) || s[i] == '.'))
                i++;
            if (i == numberStart || !double.TryParse(s.AsSpan(numberStart, i - numberStart), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
                return false;
            var unitStart = i;
            while (i < s.Length && char.IsAsciiLetterLower(s[i]))
                i++;
            double? ticksPerUnit = s[unitStart..i] switch
            {
                "ms" => TimeSpan.TicksPerMillisecond,
                "s" => TimeSpan.TicksPerSecond,
                "m" => TimeSpan.TicksPerMinute,
                "h" => TimeSpan.TicksPerHour,
                "d" => TimeSpan.TicksPerDay,
                _ => null,
            };
            if (ticksPerUnit is not { } perUnit)
                return false;
            totalTicks += number * perUnit;
        }

        if (totalTicks > TimeSpan.MaxValue.Ticks)
            return false;
        var ticks = (long)Math.Round(totalTicks);
        value = TimeSpan.FromTicks(negative ? -ticks : ticks);
        return true;
    }
}
