namespace HeuristicsBench.Workloads.ProcessTrees;

/// <summary>
/// Parameters of <see cref="RandomTreeGenerator"/>, named and defaulted after PTandLogGenerator (as in pm4py):
/// the number of visible activities is drawn from a triangular distribution (min, mode, max; rounded and
/// kept within [min, max]); the operator probabilities are relative weights (need not sum to 1); the silent
/// probability is the chance that a new choice or loop gets tau instead of a new activity (X( x, tau ) or
/// *( x, tau )).
/// </summary>
public sealed record RandomTreeOptions
{
    public int MinActivities { get; init; } = 10;

    public int ModeActivities { get; init; } = 20;

    public int MaxActivities { get; init; } = 30;

    public double Sequence { get; init; } = 0.25;

    public double Choice { get; init; } = 0.25;

    public double Parallel { get; init; } = 0.25;

    public double Loop { get; init; } = 0.25;

    public double Silent { get; init; } = 0.2;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first bad parameter.</summary>
    public void Validate()
    {
        if (MinActivities < 1)
            throw new ArgumentException($"{nameof(MinActivities)} must be at least 1 (is {MinActivities})");
        if (ModeActivities < MinActivities || ModeActivities > MaxActivities)
            throw new ArgumentException($"need {nameof(MinActivities)} <= {nameof(ModeActivities)} <= {nameof(MaxActivities)} (are {MinActivities}, {ModeActivities}, {MaxActivities})");
        foreach (var (name, value) in new[] { (nameof(Sequence), Sequence), (nameof(Choice), Choice), (nameof(Parallel), Parallel), (nameof(Loop), Loop) })
        {
            if (!(value >= 0) || !double.IsFinite(value))
                throw new ArgumentException($"{name} must be a non-negative number (is {value})");
        }
        if (!(Sequence + Choice + Parallel + Loop > 0))
            throw new ArgumentException("at least one operator probability must be positive");
        if (!(Silent >= 0 && Silent <= 1))
            throw new ArgumentException($"{nameof(Silent)} must lie in [0, 1] (is {Silent})");
    }
}
