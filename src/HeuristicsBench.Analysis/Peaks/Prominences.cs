namespace HeuristicsBench.Analysis.Peaks;

/// <summary>
/// Peak prominence as scipy.signal.peak_prominences defines it (no window): extend a horizontal line from the
/// peak to each side until it meets a strictly higher sample or the end of the signal (samples of the same
/// height do not stop it); the lowest sample on each side is a base; the prominence is the peak's height minus
/// the higher base. When a side has several equally low samples, the base is the one nearest to the peak.
/// </summary>
public static class Prominences
{
    public static Prominence Of(ReadOnlySpan<double> x, int peak)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(peak);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(peak, x.Length);
        double height = x[peak];

        int leftBase = peak;
        double leftMin = height;
        for (int i = peak; i >= 0 && x[i] <= height; i--)
        {
            if (x[i] < leftMin)
            {
                leftMin = x[i];
                leftBase = i;
            }
        }

        int rightBase = peak;
        double rightMin = height;
        for (int i = peak; i < x.Length && x[i] <= height; i++)
        {
            if (x[i] < rightMin)
            {
                rightMin = x[i];
                rightBase = i;
            }
        }

        return new Prominence(height - Math.Max(leftMin, rightMin), leftBase, rightBase);
    }
}
