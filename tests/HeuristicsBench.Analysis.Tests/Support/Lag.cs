using HeuristicsBench.Analysis.Series;

namespace HeuristicsBench.Analysis.Tests.Support;

/// <summary>Builds lag series for tests.</summary>
public static class Lag
{
    /// <summary>One sample per second starting at <paramref name="start"/>.</summary>
    public static LagSeries EverySecond(double start, params double[] values) =>
        new(values.Select((_, i) => start + i).ToArray(), values);

    public static LagSeries At(double[] times, double[] values) => new(times, values);
}
