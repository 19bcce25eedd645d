using HeuristicsBench.Analysis.Peaks;

namespace HeuristicsBench.Analysis.Paper;

/// <summary>
/// The paper's method applied to one lag log. A skipped log (fewer rows than the minimum) has no median,
/// peaks or spans. <see cref="MeanRecoverySeconds"/> is the mean span duration, or null when there is no span
/// (the paper then leaves the log out of the mean of per-file means).
/// </summary>
public sealed record PaperRunResult(
    int Rows,
    bool Skipped,
    double? Median,
    IReadOnlyList<Peak> Peaks,
    IReadOnlyList<RecoverySpan> Spans)
{
    public double? MeanRecoverySeconds
    {
        get
        {
            if (Spans.Count == 0)
                return null;
            double sum = 0;
            foreach (var span in Spans)
                sum += span.DurationSeconds;
            return sum / Spans.Count;
        }
    }
}
