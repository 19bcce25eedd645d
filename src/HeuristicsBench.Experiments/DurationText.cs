using HeuristicsBench.EventLogs;
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
    public static bool TryParse(string text, out TimeSpan value) => DurationSyntax.TryParse(text, allowDays: false, out value);

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
