namespace HeuristicsMiner.Algorithm.Summaries;

/// <summary>Which counting scheme produced a summary.</summary>
public enum SummaryVariant
{
    /// <summary>Lossy Counting with bucket width ceil(1/ε); ε = 0 counts exactly (the test oracle).</summary>
    LossyCounting,

    /// <summary>Lossy Counting with Budget: one bound on all entries; the bucket rises when the budget is full.</summary>
    LossyCountingWithBudget,

    /// <summary>Batch heuristics-miner counts over the last W events.</summary>
    SlidingWindow,
}
