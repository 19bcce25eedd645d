namespace HeuristicsMiner.Algorithm.Summaries;

/// <summary>
/// A summary's counts keyed by activity name, in a canonical order (ordinal by name, then from/to), ready
/// for model building, merging, JSON export and comparison. Independent of activity ids, so summaries with
/// different interning (e.g. one per Kafka partition) can be merged.
/// </summary>
/// <param name="MaxMissedCount">Upper bound on the true count of an activity absent from this summary:
/// ⌊N/w⌋ for Lossy Counting, the current bucket for LCB, 0 when exact or for a sliding window (which by
/// definition counts only its window). It bounds absent relations, patterns and starts too only while
/// <paramref name="CaseEvictions"/> is 0.</param>
/// <param name="Cases">Entries in D_C (cases currently tracked).</param>
/// <param name="CaseEvictions">Case entries lost so far (pruned from D_C, or for a window, a case whose
/// earlier events left the window). Each one can lose a relation and fake a start; while it is 0, D_R, D_L2
/// and D_S saw every relation, pattern and start of the stream.</param>
public sealed record SummaryCounts(
    SummaryVariant Variant,
    long EventsProcessed,
    double Epsilon,
    long BucketWidth,
    long CurrentBucket,
    long? Budget,
    long? WindowSize,
    long MaxMissedCount,
    long Cases,
    long CaseEvictions,
    IReadOnlyList<CountEntry> Activities,
    IReadOnlyList<PairCountEntry> Relations,
    IReadOnlyList<PairCountEntry> LoopPatterns,
    IReadOnlyList<CountEntry> StartActivities)
{
    /// <summary>Total entries held (what a budget bounds).</summary>
    public long EntryCount =>
        Activities.Count + Relations.Count + LoopPatterns.Count + StartActivities.Count + Cases;
}
