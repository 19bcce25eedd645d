namespace HeuristicsBench.ServiceHost;

/// <summary>
/// A <see cref="TimeProvider"/> whose wall clock can be skewed at run time: an offset plus a drift (parts per
/// million of monotonic time elapsed since the drift was set). Monotonic time (<see cref="GetTimestamp"/>) is the
/// inner provider's, untouched, so intervals and timers keep their real length while the reported time is skewed —
/// what a wrong system clock does to a service. Thread-safe.
/// </summary>
public sealed class AdjustableClock : TimeProvider
{
    private readonly TimeProvider _inner;
    private ClockSkew _skew = ClockSkew.None;

    public AdjustableClock(TimeProvider? inner = null) => _inner = inner ?? System;

    public ClockSkew Skew => Volatile.Read(ref _skew);

    /// <summary>The skew accumulated now: offset + drift × elapsed.</summary>
    public TimeSpan CurrentSkew => Skew.At(_inner.GetElapsedTime(Skew.Since));

    /// <summary>Sets offset and drift; drift accumulates from now. Magnitudes beyond a day / 10⁶ ppm are refused.</summary>
    public void Set(TimeSpan offset, double driftPpm)
    {
        if (offset.Duration() > MaxOffset)
            throw new ArgumentOutOfRangeException(nameof(offset), offset, $"clock offset must be within ±{MaxOffset.TotalHours} h");
        if (!double.IsFinite(driftPpm) || Math.Abs(driftPpm) > MaxDriftPpm)
            throw new ArgumentOutOfRangeException(nameof(driftPpm), driftPpm, $"clock drift must be within ±{MaxDriftPpm} ppm");
        Volatile.Write(ref _skew, new ClockSkew(offset, driftPpm, _inner.GetTimestamp()));
    }

    public void Reset() => Volatile.Write(ref _skew, ClockSkew.None);

    public override DateTimeOffset GetUtcNow() => _inner.GetUtcNow() + CurrentSkew;

    public override long GetTimestamp() => _inner.GetTimestamp();

    public override long TimestampFrequency => _inner.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => _inner.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        _inner.CreateTimer(callback, state, dueTime, period);

    public static readonly TimeSpan MaxOffset = TimeSpan.FromDays(1);
    public const double MaxDriftPpm = 1_000_000;
}

/// <param name="Since">Monotonic timestamp from which the drift accumulates.</param>
public sealed record ClockSkew(TimeSpan Offset, double DriftPpm, long Since)
{
    public static readonly ClockSkew None = new(TimeSpan.Zero, 0, 0);

    public TimeSpan At(TimeSpan elapsedSinceSet) =>
        DriftPpm == 0 ? Offset : Offset + TimeSpan.FromTicks((long)(elapsedSinceSet.Ticks * (DriftPpm / 1_000_000)));
}
