namespace HeuristicsBench.Analysis.Faults;

/// <summary>
/// How <see cref="FaultRecoveryMeasure"/> judges "normal" lag. The band is lag ≤ max(lag over the
/// <see cref="BaselineSeconds"/> before the fault) + <see cref="Slack"/>: the envelope the system actually showed
/// just before the fault, so a regular sawtooth of commits does not count as a fault effect.
/// </summary>
public sealed record FaultRecoveryOptions
{
    /// <summary>Length of the pre-fault window [start − BaselineSeconds, start) whose maximum bounds the band.</summary>
    public double BaselineSeconds { get; init; } = 30;

    /// <summary>Lag (messages) above the baseline maximum still counted as inside the band.</summary>
    public double Slack { get; init; }

    /// <summary>
    /// Recovery needs the lag to stay in the band this long: every sample from the first in-band sample up to
    /// the first sample at least HoldSeconds later must be in the band (0: one in-band sample is enough).
    /// </summary>
    public double HoldSeconds { get; init; } = 10;
}
