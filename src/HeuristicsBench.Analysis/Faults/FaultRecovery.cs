namespace HeuristicsBench.Analysis.Faults;

/// <summary>
/// What one fault did to the lag. Times are seconds on the series' clock; durations are seconds.
/// <list type="bullet">
/// <item><see cref="BandUpper"/>: the largest lag still counted as normal (null without a baseline);</item>
/// <item><see cref="PeakLag"/> / <see cref="PeakTime"/>: the largest lag from the fault start until the next fault
/// (or the series end) and its first time (null when no sample falls there);</item>
/// <item><see cref="TimeToDetectSeconds"/>: fault start → first sample above the band (null if lag never left it);</item>
/// <item><see cref="RecoverySeconds"/>: fault end → first sample of a confirmed return into the band (null unless
/// <see cref="Outcome"/> is <see cref="FaultRecoveryOutcome.Recovered"/>).</item>
/// </list>
/// </summary>
public sealed record FaultRecovery(
    FaultWindow Fault,
    FaultRecoveryOutcome Outcome,
    int BaselineSamples,
    double? BandUpper,
    double? PeakLag,
    double? PeakTime,
    double? TimeToDetectSeconds,
    double? RecoverySeconds);
