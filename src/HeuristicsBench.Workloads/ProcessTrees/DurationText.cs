using System.Globalization;
using HeuristicsBench.Workloads.Models;

namespace HeuristicsBench.Workloads.ProcessTrees;

/// <summary>
/// The text of durations in model files: a distribution is <c>constant T</c>, <c>uniform MIN MAX</c> or
/// <c>gaussian MEAN SD</c>; a time T is a non-negative decimal number and a unit <c>ms</c>, <c>s</c>, <c>m</c>
/// or <c>h</c> (e.g. <c>90s</c>, <c>1.5m</c>, <c>250ms</c>).
/// </summary>
internal static class DurationText
{
    public static bool IsSupported(DurationDistribution distribution) =>
        distribution is DurationDistribution.Constant or DurationDistribution.Uniform or DurationDistribution.Gaussian;

    public static string Format(DurationDistribution distribution) => distribution switch
    {
        DurationDistribution.Constant c => $"constant {Format(c.Value)}",
        DurationDistribution.Uniform u => $"uniform {Format(u.Min)} {Format(u.Max)}",
        DurationDistribution.Gaussian g => $"gaussian {Format(g.Mean)} {Format(g.StandardDeviation)}",
        _ => throw new NotSupportedException($"no text form for {distribution.GetType().Name}"),
    };

    /// <summary>Whole seconds as <c>Ns</c>, anything else as exact milliseconds (<c>1500.5ms</c>).</summary>
    public static string Format(TimeSpan time) =>
        time.Ticks % TimeSpan.TicksPerSecond == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{time.Ticks / TimeSpan.TicksPerSecond}s")
            : string.Create(CultureInfo.InvariantCulture, $"{time.Ticks / (decimal)TimeSpan.TicksPerMillisecond}ms");

    /// <summary>Ticks per unit, or 0 for an unknown unit.</summary>
    public static long TicksPerUnit(string unit) => unit switch
    {
        "ms" => TimeSpan.TicksPerMillisecond,
        "s" => TimeSpan.TicksPerSecond,
        "m" => TimeSpan.TicksPerMinute,
        "h" => TimeSpan.TicksPerHour,
        _ => 0,
    };
}
