namespace HeuristicsBench.Analysis.Peaks;

/// <summary>
/// Local maxima as scipy.signal.find_peaks defines them: a sample (or a flat run of equal samples) whose
/// direct neighbours on both sides are strictly smaller. The first and last samples are never maxima, and
/// neither is a flat run that touches either end of the signal.
/// </summary>
public static class LocalMaxima
{
    public static IReadOnlyList<LocalMaximum> Find(ReadOnlySpan<double> x)
    {
        var found = new List<LocalMaximum>();
        int last = x.Length - 1;
        int i = 1;
        while (i < last)
        {
            if (x[i - 1] < x[i])
            {
                // Walk over a flat top; it is a maximum only if the signal falls right after it.
                int ahead = i + 1;
                while (ahead < last && x[ahead] == x[i])
                    ahead++;
                if (x[ahead] < x[i])
                {
                    int right = ahead - 1;
                    found.Add(new LocalMaximum(i + ((right - i) / 2), i, right));
                }

                i = ahead;
            }
            else
            {
                i++;
            }
        }

        return found;
    }
}
