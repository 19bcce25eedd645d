namespace HeuristicsBench.Analysis.Peaks;

/// <summary>
/// <c>scipy.signal.find_peaks(x, prominence=minimum)</c>: the local maxima whose prominence is at least
/// <paramref name="minimumProminence"/> (inclusive), in index order.
/// </summary>
public static class PeakFinder
{
    public static IReadOnlyList<Peak> Find(ReadOnlySpan<double> x, double minimumProminence)
    {
        if (double.IsNaN(minimumProminence))
            throw new ArgumentException("The minimum prominence must be a number.", nameof(minimumProminence));
        foreach (var value in x)
        {
            if (double.IsNaN(value))
                throw new ArgumentException("The signal contains NaN; peaks and prominences are undefined.", nameof(x));
        }

        var peaks = new List<Peak>();
        foreach (var maximum in LocalMaxima.Find(x))
        {
            var prominence = Prominences.Of(x, maximum.Index);
            if (prominence.Value >= minimumProminence)
                peaks.Add(new Peak(maximum, prominence));
        }

        return peaks;
    }
}
