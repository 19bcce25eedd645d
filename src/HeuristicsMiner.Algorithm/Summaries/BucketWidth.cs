namespace HeuristicsMiner.Algorithm.Summaries;

/// <summary>w = ⌈1/ε⌉, computed so that floating-point noise of a few ulps in 1/ε does not add a bucket.</summary>
public static class BucketWidth
{
    public static long For(double epsilon)
    {
        if (double.IsNaN(epsilon) || epsilon < 0 || epsilon >= 1)
            throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, "epsilon must be in [0, 1) (0 = exact counting)");
        if (epsilon == 0)
            return 0;
        var inverse = 1.0 / epsilon;
        var nearest = Math.Round(inverse);
        if (Math.Abs(inverse - nearest) <= 1e-13 * inverse)
            return (long)nearest;
        if (inverse > long.MaxValue / 2.0)
            throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, "epsilon is too small; use 0 for exact counting");
        return (long)Math.Ceiling(inverse);
    }
}
