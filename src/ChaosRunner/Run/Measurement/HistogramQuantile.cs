namespace ChaosRunner.Run.Measurement;

/// <summary>
/// Quantiles of the observations that fell into a histogram between two scrapes, interpolated linearly inside the
/// bucket as Prometheus's histogram_quantile does (the lower edge of the first bucket is 0; a quantile in the +Inf
/// bucket is the largest finite bound).
/// </summary>
public static class HistogramQuantile
{
    /// <summary>Per-bucket increase between two scrapes of the same cumulative buckets (a restarted process: the later scrape alone).</summary>
    public static IReadOnlyList<(double UpperBound, double Count)> Delta(
        IReadOnlyList<(double UpperBound, double Count)>? before, IReadOnlyList<(double UpperBound, double Count)> after)
    {
        ArgumentNullException.ThrowIfNull(after);
        if (before is null || before.Count != after.Count || after.Count == 0 || after[^1].Count < before[^1].Count)
            return after;
        var result = new (double, double)[after.Count];
        for (var i = 0; i < after.Count; i++)
            result[i] = (after[i].UpperBound, Math.Max(0, after[i].Count - before[i].Count));
        return result;
    }

    /// <summary>The <paramref name="q"/>-quantile (0..1) of cumulative buckets; null when they hold no observation.</summary>
    public static double? Of(IReadOnlyList<(double UpperBound, double Count)> cumulative, double q)
    {
        ArgumentNullException.ThrowIfNull(cumulative);
        if (cumulative.Count == 0 || cumulative[^1].Count <= 0)
            return null;
        var rank = q * cumulative[^1].Count;
        var lowerBound = 0.0;
        var lowerCount = 0.0;
        for (var i = 0; i < cumulative.Count; i++)
        {
            var (bound, count) = cumulative[i];
            if (count >= rank && count > lowerCount)
            {
                if (double.IsPositiveInfinity(bound))
                    return lowerBound;
                return lowerBound + ((bound - lowerBound) * (rank - lowerCount) / (count - lowerCount));
            }
            lowerBound = double.IsPositiveInfinity(bound) ? lowerBound : bound;
            lowerCount = count;
        }
        return lowerBound;
    }
}
