namespace HeuristicsBench.ServiceHost;

/// <summary>Body of PUT /control/clock; an absent (or null) field is 0.</summary>
public sealed record ClockRequest(double? OffsetMs, double? DriftPpm)
{
    /// <summary>
    /// The skew asked for, or why it cannot be had (naming the field). Checked here, before any
    /// <see cref="TimeSpan"/> is made, because NaN, infinities and huge values make <see cref="TimeSpan"/> throw.
    /// </summary>
    public bool TryGetSkew(out TimeSpan offset, out double driftPpm, out string error)
    {
        offset = TimeSpan.Zero;
        driftPpm = DriftPpm ?? 0;
        var offsetMs = OffsetMs ?? 0;
        var maxMs = AdjustableClock.MaxOffset.TotalMilliseconds;
        if (!double.IsFinite(offsetMs) || Math.Abs(offsetMs) > maxMs)
        {
            error = $"offsetMs must be a number within ±{maxMs} (±{AdjustableClock.MaxOffset.TotalHours} h), got {offsetMs}";
            return false;
        }
        if (!double.IsFinite(driftPpm) || Math.Abs(driftPpm) > AdjustableClock.MaxDriftPpm)
        {
            error = $"driftPpm must be a number within ±{AdjustableClock.MaxDriftPpm}, got {driftPpm}";
            return false;
        }
        offset = TimeSpan.FromMilliseconds(offsetMs);
        error = "";
        return true;
    }
}
