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
            _started = _time.GetTimestamp();
        var due = TimeSpan.FromSeconds(_dueSeconds);
        var ahead = due - _time.GetElapsedTime(_started);
        if (ahead >= MinimumSleep)
            await Task.Delay(ahead, _time, cancellation).ConfigureAwait(false);
        _dueSeconds = DueAfter(_dueSeconds);
        Released++;
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
