using HeuristicsMiner.Algorithm.Counting;

namespace HeuristicsMiner.Algorithm.Summaries;

/// <summary>
/// Lossy Counting with Budget: one budget B bounds the entries of all structures together. Before an event
/// that would need more room than is left, the bucket b is raised to the smallest f + Δ held and every
/// entry with f + Δ &lt;= b is removed, until the event fits. New entries get Δ = b. The budget is never
/// exceeded; an absent item's true count is at most b.
/// </summary>
public sealed class LossyCountingBudgetSummary : LossySummary
{
    /// <summary>An event creates at most three entries (activity, case, start — or activity, relation, pattern).</summary>
    public const long MinimumBudget = 3;

    public LossyCountingBudgetSummary(long budget)
        : this(budget, new ActivityTable(), new LossyStructures(), 0, 0)
    {
    }

    private LossyCountingBudgetSummary(long budget, ActivityTable activities, LossyStructures state, long events, long bucket)
        : base(activities, state)
    {
        if (budget < MinimumBudget)
            throw new ArgumentOutOfRangeException(nameof(budget), budget, $"the budget must be at least {MinimumBudget} entries");
        Budget = budget;
        EventsProcessed = events;
        CurrentBucket = bucket;
    }

    public long Budget { get; }

    public long CurrentBucket { get; private set; }

    public override SummaryVariant Variant => SummaryVariant.LossyCountingWithBudget;

    private protected override void ObserveCore(string caseId, int activity)
    {
        EventsProcessed++;
        var needed = State.NewEntriesFor(caseId, activity);
        while (State.EntryCount + needed > Budget)
        {
            CurrentBucket = Math.Max(CurrentBucket, State.MinimumUpperBound());
            State.Prune(CurrentBucket);
            needed = State.NewEntriesFor(caseId, activity);
        }
        State.Apply(caseId, activity, CurrentBucket);
    }

    public override SummaryCounts GetCounts()
    {
        var (activities, relations, loops, starts) = State.ToEntries(Activities);
        return new SummaryCounts(
            Variant, EventsProcessed, Epsilon: 0, BucketWidth: 0, CurrentBucket, Budget, WindowSize: null,
            MaxMissedCount: CurrentBucket, Cases: State.CaseCount, CaseEvictions: State.CaseEvictions,
            activities, relations, loops, starts);
    }

    internal override void WriteState(BinaryWriter writer)
    {
        writer.Write(Budget);
        writer.Write(EventsProcessed);
        writer.Write(CurrentBucket);
        SnapshotCodec.WriteActivities(writer, Activities);
        SnapshotCodec.WriteStructures(writer, State);
    }

    internal static LossyCountingBudgetSummary ReadState(BinaryReader reader)
    {
        var budget = reader.ReadInt64();
        var events = SnapshotCodec.ReadNonNegative(reader, "eventsProcessed");
        var bucket = SnapshotCodec.ReadNonNegative(reader, "currentBucket");
        var activities = SnapshotCodec.ReadActivities(reader);
        var state = SnapshotCodec.ReadStructures(reader, activities.Count);
        if (state.EntryCount > budget)
            throw new InvalidDataException($"snapshot holds {state.EntryCount} entries, more than its budget {budget}");
        return new LossyCountingBudgetSummary(budget, activities, state, events, bucket);
    }
}
