using System.Globalization;

namespace HeuristicsBench.EventLogs;

/// <summary>
/// The project's one duration syntax (Markov-chain files, experiment files): one or more number+unit parts with
/// units ms, s, m, h and, where allowed, d (<c>500ms</c>, <c>1.5m</c>, <c>1h30m</c>), an optional leading '-', or a
/// bare <c>0</c>. A bare number is refused: the unit is never guessed. Values beyond <see cref="TimeSpan"/> are refused.
/// </summary>
public static class DurationSyntax
{
    public static bool TryParse(string text, bool allowDays, out TimeSpan value)
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
                "d" when allowDays => TimeSpan.TicksPerDay,
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
}
