using HeuristicsBench.Analysis.Peaks;
using HeuristicsBench.Analysis.Series;

namespace HeuristicsBench.Analysis.Paper;

/// <summary>
/// The reference paper's recovery time, reproduced step by step (HMLC benchmark, <c>reporting.py</c> and its
/// analysis notebook):
/// <list type="number">
/// <item>skip a log with fewer than <see cref="PaperRecoveryOptions.MinimumRows"/> rows;</item>
/// <item>m = median of all lag values; peaks = local maxima with prominence ≥ 50 (scipy find_peaks);</item>
/// <item>from each peak p walk left to the first sample below m (or to sample 0) and right to the first sample
/// below m (or to the last sample); unless both walks stayed at p, mark every sample from the left stop to the
/// right stop, both included — so a span includes the first below-median sample on each side;</item>
/// <item>each run of consecutive marked samples is one event, from its first to its last marked sample —
/// except that a run reaching the last sample ends one sample early (the paper's group detection records
/// index − 1 there);</item>
/// <item>recovery time of an event = time(end) − time(start); per log, the mean over its events.</item>
/// </list>
/// Samples are taken in the given order; the times are only used for the durations.
/// </summary>
public static class PaperRecoveryMethod
{
    public static PaperRunResult Analyze(LagSeries series, PaperRecoveryOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(series);
        options ??= new PaperRecoveryOptions();
        int n = series.Count;
        if (n < options.MinimumRows)
            return new PaperRunResult(n, Skipped: true, Median: null, Peaks: [], Spans: []);
        if (n == 0)
            return new PaperRunResult(0, Skipped: false, Median: null, Peaks: [], Spans: []);

        var x = series.Values;
        double median = Statistics.Median.Of(x);
        double threshold = median * options.MedianFraction;
        var peaks = PeakFinder.Find(x, options.MinimumProminence);
        var marked = new bool[n];
        foreach (var peak in peaks)
        {
            int start = peak.Index;
            while (start > 0 && !(x[start] < threshold))
                start--;
            int end = peak.Index;
            while (end < n - 1 && !(x[end] < threshold))
                end++;
            if (start == end)
                continue;
            Array.Fill(marked, true, start, end - start + 1);
        }

        return new PaperRunResult(n, Skipped: false, median, peaks, Events(marked, series.Times));
    }

    /// <summary>
    /// The mean of the per-log means, over the logs that have one (not skipped, at least one event), summed in
    /// the given order; null when no log has a mean.
    /// </summary>
    public static double? MeanOfFileMeans(IEnumerable<PaperRunResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        double sum = 0;
        int count = 0;
        foreach (var result in results)
        {
            if (result.MeanRecoverySeconds is { } mean)
            {
                sum += mean;
                count++;
            }
        }

        return count == 0 ? null : sum / count;
    }

    private static List<RecoverySpan> Events(bool[] marked, ReadOnlySpan<double> times)
    {
        var spans = new List<RecoverySpan>();
        int last = marked.Length - 1;
        int start = -1;
        bool previous = false;
        for (int i = 0; i <= last; i++)
        {
            if (marked[i] && !previous)
                start = i;
            if ((!marked[i] && previous) || (i == last && marked[i]))
            {
                // The paper records i - 1 in both cases: correct when the run has just ended, one short when
                // the run reaches the last sample.
                int end = i - 1;
                spans.Add(new RecoverySpan(start, end, times[start], times[end]));
            }

            previous = marked[i];
        }

        return spans;
    }
}
