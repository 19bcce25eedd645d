namespace HeuristicsBench.Analysis.Paper;

/// <summary>
/// Parameters of the reference paper's recovery-time method; the defaults are the paper's values
/// (<c>find_peaks(lag, prominence=50)</c>, files with fewer than 300 rows skipped, threshold = the median).
/// </summary>
public sealed record PaperRecoveryOptions
{
    /// <summary>Smallest prominence (inclusive) of a peak that starts a recovery span.</summary>
    public double MinimumProminence { get; init; } = 50;

    /// <summary>Logs with fewer data rows than this are skipped.</summary>
    public int MinimumRows { get; init; } = 300;

    /// <summary>Spans expand while lag is not below <c>median × MedianFraction</c>.</summary>
    public double MedianFraction { get; init; } = 1;
}
