namespace HeuristicsBench.ServiceHost;

/// <summary>A wall-clock skew: a fixed offset plus a drift accumulating over monotonic time.</summary>
/// <param name="DriftPpm">Parts per million of elapsed time added to the offset; positive runs fast.</param>
/// <param name="Since">Monotonic timestamp from which the drift accumulates.</param>
public sealed record ClockSkew(TimeSpan Offset, double DriftPpm, long Since)
{
    public static readonly ClockSkew None = new(TimeSpan.Zero, 0, 0);

    /// <summary>The skew after <paramref name="elapsedSinceSet"/>, rounded to the nearest tick.</summary>
    public TimeSpan At(TimeSpan elapsedSinceSet) =>
        // multiplied before dividing: exact for whole ppm and ticks (1 s × 100 ppm is 1000 ticks, not 999)
        Offset + TimeSpan.FromTicks((long)Math.Round(elapsedSinceSet.Ticks * DriftPpm / 1_000_000));
}
