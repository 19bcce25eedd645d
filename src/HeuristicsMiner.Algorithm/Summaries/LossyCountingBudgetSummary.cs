using HeuristicsMiner.Algorithm.Counting;

namespace HeuristicsMiner.Algorithm.Summaries;

/// <summary>
/// Lossy Counting with Budget: one budget B bounds the entries of all structures together. Before an event
/// that would need more room than is left, the bucket b is raised to the smallest f + Δ held and every
/// entry with f + Δ &lt;= b is removed, until the event fits. New entries get Δ = b. The budget is never
/// exceeded; an absent item's true count is at most b.
/// </summary>
public sealed class LossyCountingBudgetSummary : StreamSummary
{
    /// <summary>An event creates at most three entries (activity, case, start — or activity, relation, pattern).</summary>
    public const long MinimumBudget = 3;

    private readonly LossyStructures _state;

    public LossyCountingBudgetSummary(long budget)
        : this(budget, new ActivityTable(), new LossyStructures(), 0, 0)
    {
    }

    private LossyCountingBudgetSummary(long budget, ActivityTable activities, LossyStructures state, long events, long bucket)
        : base(activities)
    {
        if (budget < MinimumBudget)
            throw new ArgumentOutOfRangeException(nameof(budget), budget, $"the budget must be at least {MinimumBudget} entries");
        Budget = budget;
        _state = state;
        EventsProcessed = events;
        CurrentBucket = bucket;
    }

    public long Budget { get; }

    public long CurrentBucket { get; private set; }

    public override SummaryVariant Variant => SummaryVariant.LossyCountingWithBudget;

    public override int EntryCount => _state.EntryCount;

    /// <inheritdoc cref="LossyStructures.CaseEvictions"/>
    public long CaseEvictions => _state.CaseEvictions;

    /// <summary>Entries per structure: activities, cases, relations, loop patterns, starts.</summary>
    public (int Activities, int Cases, int Relations, int LoopPatterns, int Starts) EntriesPerStructure =>
        (_state.Activities.Count, _state.Cases.Count, _state.Relations.Count, _state.LoopPatterns.Count, _state.Starts.Count);

    private protected override void ObserveCore(string caseId, int activity)
    {
        EventsProcessed++;
        var needed = _state.NewEntriesFor(caseId, activity);
        while (_state.EntryCount + needed > Budget)
        {
            CurrentBucket = Math.Max(CurrentBucket, _state.MinimumUpperBound());
            _state.Prune(CurrentBucket);
            needed = _state.NewEntriesFor(caseId, activity);
        }
        _state.Apply(caseId, activity, CurrentBucket);
    }

    public override SummaryCounts GetCounts()
    {
        var (activities, relations, loops, starts) = _state.ToEntries(Activities);
        return new SummaryCounts(
            Variant, EventsProcessed, Epsilon: 0, BucketWidth: 0, CurrentBucket, Budget, WindowSize: null,
            MaxMissedCount: CurrentBucket, Cases: _state.CaseCount, CaseEvictions: _state.CaseEvictions,
            activities, relations, loops, starts);
    }

    internal override void WriteState(BinaryWriter writer)
    {
        writer.Write(Budget);
        writer.Write(EventsProcessed);
        writer.Write(CurrentBucket);
        SnapshotCodec.WriteActivities(writer, Activities);
        SnapshotCodec.WriteStructures(writer, _state);
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
