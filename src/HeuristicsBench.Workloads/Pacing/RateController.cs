namespace HeuristicsBench.Workloads.Pacing;

/// <summary>
/// Paces emission to a <see cref="LoadShape"/>: event k is due at d_k = d_{k−1} + 1/rate(d_{k−1}) after the
/// start. <see cref="WaitAsync"/> returns at once while behind schedule (so a slow consumer of events
/// catches up in a burst rather than drifting) and otherwise sleeps on the injected <see cref="TimeProvider"/>,
/// sleeping only when at least <see cref="MinimumSleep"/> ahead so that high rates are met in batches.
/// </summary>
public sealed class RateController
{
    public static readonly TimeSpan MinimumSleep = TimeSpan.FromMilliseconds(1);
    private readonly LoadShape _shape;
    private readonly TimeProvider _time;
    private long _started;
    private double _dueSeconds;

    public RateController(LoadShape shape, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(shape);
        shape.Validate();
        _shape = shape;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>Events released so far.</summary>
    public long Released { get; private set; }

    /// <summary>Waits until the next event is due, then counts it as released.</summary>
    public async ValueTask WaitAsync(CancellationToken cancellation = default)
    {
        if (Released == 0 && _started == 0)
            Volatile.Write(ref _started, _time.GetTimestamp());
        var due = TimeSpan.FromSeconds(_dueSeconds);
        var ahead = due - _time.GetElapsedTime(_started);
        if (ahead >= MinimumSleep)
            await Task.Delay(ahead, _time, cancellation).ConfigureAwait(false);
        Volatile.Write(ref _dueSeconds, DueAfter(_dueSeconds));
        Released++;
    }

    /// <summary>
    /// How far releases lag the schedule now: the time since the first release minus the time the next event is
    /// due; zero when on time or ahead, and before the first release. It keeps growing while nobody asks for the
    /// next event (a back-pressured consumer), and shrinks as the catch-up burst releases events. Safe to read from
    /// another thread while one thread waits.
    /// </summary>
    public TimeSpan BehindSchedule
    {
        get
        {
            var started = Volatile.Read(ref _started);
            if (started == 0)
                return TimeSpan.Zero;
            var behind = _time.GetElapsedTime(started) - TimeSpan.FromSeconds(Volatile.Read(ref _dueSeconds));
            return behind > TimeSpan.Zero ? behind : TimeSpan.Zero;
        }
    }

    /// <summary>The shape's rate now (events/s), measured from the first release; its starting rate before that.</summary>
    public double TargetRate
    {
        get
        {
            var started = Volatile.Read(ref _started);
            return _shape.RateAt(started == 0 ? TimeSpan.Zero : _time.GetElapsedTime(started));
        }
    }

    /// <summary>
    /// The time t after <paramref name="from"/> where ∫ rate = 1, integrated in steps of at most 0.1 s so
    /// that a low rate cannot step over a spike or a step change.
    /// </summary>
    private double DueAfter(double from)
    {
        var t = from;
        var remaining = 1.0;
        while (true)
        {
            var rate = _shape.RateAt(TimeSpan.FromSeconds(t));
            var needed = remaining / rate;
            if (needed <= MaxStepSeconds)
                return t + needed;
            t += MaxStepSeconds;
            remaining -= rate * MaxStepSeconds;
        }
    }

    private const double MaxStepSeconds = 0.1;

    /// <summary>When the next event is due, measured from the first <see cref="WaitAsync"/>.</summary>
    public TimeSpan NextDue => TimeSpan.FromSeconds(_dueSeconds);
}
