namespace HeuristicsMiner.Algorithm.Model;

/// <summary>
/// Thresholds that turn counts into a heuristics net (BRIEF §3).
/// </summary>
/// <param name="DependencyThreshold">An arc a-&gt;b needs a=&gt;b at least this high (also used for a-&gt;a).</param>
/// <param name="PositiveObservations">An arc a-&gt;b needs |a&gt;b| at least this high.</param>
/// <param name="AndThreshold">Two outputs (or inputs) of an activity are in AND when their AND measure reaches this.</param>
/// <param name="LoopTwoThreshold">A length-two loop a,b is kept when a=&gt;2 b reaches this.</param>
/// <param name="RelativeToBest">When set, an arc is kept only if its dependency is within this of the best output of
/// its source or the best input of its target.</param>
public sealed record ModelThresholds(
    double DependencyThreshold = 0.9,
    long PositiveObservations = 10,
    double AndThreshold = 0.1,
    double LoopTwoThreshold = 0.9,
    double? RelativeToBest = null)
{
    public static ModelThresholds Default { get; } = new();

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first threshold out of range.</summary>
    public void Validate()
    {
        CheckUnit(DependencyThreshold, nameof(DependencyThreshold), -1, 1);
        CheckUnit(AndThreshold, nameof(AndThreshold), 0, 1);
        CheckUnit(LoopTwoThreshold, nameof(LoopTwoThreshold), 0, 1);
        if (PositiveObservations < 0)
            throw new ArgumentOutOfRangeException(nameof(PositiveObservations), PositiveObservations, "must be >= 0");
        if (RelativeToBest is { } r && (double.IsNaN(r) || r < 0 || r > 2))
            throw new ArgumentOutOfRangeException(nameof(RelativeToBest), r, "must be between 0 and 2");
    }

    private static void CheckUnit(double value, string name, double min, double max)
    {
        if (double.IsNaN(value) || value < min || value > max)
            throw new ArgumentOutOfRangeException(name, value, $"must be between {min} and {max}");
    }
}
