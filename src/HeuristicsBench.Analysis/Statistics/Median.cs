namespace HeuristicsBench.Analysis.Statistics;

/// <summary>The median of a sample: the middle value, or the mean of the two middle values when the count is even.</summary>
public static class Median
{
    public static double Of(ReadOnlySpan<double> values)
    {
        if (values.IsEmpty)
            throw new ArgumentException("The median of no values is undefined.", nameof(values));
        var sorted = values.ToArray();
        Array.Sort(sorted);
        int middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
