namespace HeuristicsBench.ServiceHost;

/// <summary>
/// A <see cref="TimeProvider"/> whose wall clock can be skewed at run time: an offset plus a drift (parts per
/// million of monotonic time elapsed since the skew was set; positive runs fast, negative slow). Monotonic time
/// (<see cref="GetTimestamp"/>) is the inner provider's, untouched, so intervals and timers keep their real length
/// while the reported time is skewed — what a wrong system clock does to a service. Thread-safe.
/// </summary>
public sealed class AdjustableClock : TimeProvider
{
    public static readonly TimeSpan MaxOffset = TimeSpan.FromDays(1);
    public const double MaxDriftPpm = 1_000_000;

    private readonly TimeProvider _inner;
    private ClockSkew _skew = ClockSkew.None;

    public AdjustableClock(TimeProvider? inner = null) => _inner = inner ?? System;

    public ClockSkew Skew => Volatile.Read(ref _skew);

    /// <summary>The skew accumulated now: offset + drift × monotonic time elapsed since it was set.</summary>
    public TimeSpan CurrentSkew => SkewNow(Skew);

    /// <summary>
    /// Replaces the skew: the offset applies at once and the drift accumulates from now (what an earlier drift had
    /// accumulated is dropped). An offset beyond ±<see cref="MaxOffset"/> or a drift beyond ±<see cref="MaxDriftPpm"/>
    /// (or not finite) is refused; at −10⁶ ppm the clock stands still, so it never runs backwards by drift.
    /// </summary>
    public void Set(TimeSpan offset, double driftPpm)
    {
        // compared, not Duration(): TimeSpan.MinValue.Duration() overflows
        if (offset > MaxOffset || offset < -MaxOffset)
            throw new ArgumentOutOfRangeException(nameof(offset), offset, $"clock offset must be within ±{MaxOffset.TotalHours} h");
        if (!double.IsFinite(driftPpm) || Math.Abs(driftPpm) > MaxDriftPpm)
            throw new ArgumentOutOfRangeException(nameof(driftPpm), driftPpm, $"clock drift must be within ±{MaxDriftPpm} ppm");
        Volatile.Write(ref _skew, new ClockSkew(offset, driftPpm, _inner.GetTimestamp()));
    }

    public void Reset() => Volatile.Write(ref _skew, ClockSkew.None);

    /// <summary>One consistent view: the configured skew, what it has accumulated and the skewed time it gives.</summary>
    public (ClockSkew Skew, TimeSpan CurrentSkew, DateTimeOffset Now) Read()
    {
        var skew = Skew;
        var current = SkewNow(skew);
        return (skew, current, _inner.GetUtcNow() + current);
    }

    public override DateTimeOffset GetUtcNow() => _inner.GetUtcNow() + CurrentSkew;

    public override long GetTimestamp() => _inner.GetTimestamp();

    public override long TimestampFrequency => _inner.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => _inner.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        _inner.CreateTimer(callback, state, dueTime, period);

    // one read of the skew, so a concurrent Set cannot pair one skew's drift with another's start
    private TimeSpan SkewNow(ClockSkew skew) =>
        skew.DriftPpm == 0 ? skew.Offset : skew.At(_inner.GetElapsedTime(skew.Since));
}
