namespace HeuristicsBench.Workloads.MarkovChains;

/// <summary>
/// The probability of a Markov event: <see cref="From"/> before the drift, <see cref="To"/> after it, moving
/// linearly in between. A constant probability has From == To.
/// </summary>
public readonly record struct MarkovProbability(double From, double To)
{
    public static MarkovProbability Constant(double value) => new(value, value);

    public bool IsDrifting => From != To;

    /// <summary>
    /// The probability at drift progress <paramref name="progress"/> in [0, 1], computed as
    /// (1 − t)·From + t·To so that t = 0 gives From and t = 1 gives To exactly (a probability drifting to 0
    /// really reaches 0).
    /// </summary>
    public double At(double progress) => ((1 - progress) * From) + (progress * To);

    /// <summary>Whether the probability is positive somewhere in the drift (at either end or in between).</summary>
    public bool IsEverPositive => From > 0 || To > 0;
}
