namespace HeuristicsMiner.Algorithm.Summaries;

/// <summary>Which summary to build and its one parameter: ε for LC (0 = exact), the budget for LCB, W for SW.</summary>
public sealed record SummaryOptions(
    SummaryVariant Variant = SummaryVariant.LossyCounting,
    double Epsilon = 0.001,
    long Budget = 100_000,
    int WindowSize = 100_000)
{
    /// <summary>A new, empty summary; a parameter out of range throws naming it.</summary>
    public StreamSummary Create() => Variant switch
    {
        SummaryVariant.LossyCounting => new LossyCountingSummary(Epsilon),
        SummaryVariant.LossyCountingWithBudget => new LossyCountingBudgetSummary(Budget),
        SummaryVariant.SlidingWindow => new SlidingWindowSummary(WindowSize),
        _ => throw new ArgumentOutOfRangeException(nameof(Variant), Variant, "unknown summary variant"),
    };
}
