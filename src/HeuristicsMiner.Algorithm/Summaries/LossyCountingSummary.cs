using HeuristicsMiner.Algorithm.Counting;

namespace HeuristicsMiner.Algorithm.Summaries;

/// <summary>
/// Paper-exact Lossy Counting (BRIEF §3): w = ⌈1/ε⌉, current bucket b = ⌈N/w⌉, new entries get Δ = b − 1,
/// and after event N with N mod w = 0 every entry with f + Δ &lt;= b is removed from D_A, D_C, D_R (and from
/// D_L2 and D_S). ε = 0 counts exactly (never prunes, Δ = 0): the oracle for tests.
/// Guarantee for D_A: true − εN &lt;= f &lt;= true &lt;= f + Δ, and an absent activity has true &lt;= εN. D_R, D_L2
/// and D_S obey it against the true counts only while no case entry was evicted (<see cref="CaseEvictions"/>
/// = 0): an evicted case's next event starts a new entry, so that relation is lost and a start is faked.
/// </summary>
public sealed class LossyCountingSummary : LossySummary
{
    public LossyCountingSummary(double epsilon)
        : this(epsilon, new ActivityTable(), new LossyStructures(), 0)
    {
    }

    private LossyCountingSummary(double epsilon, ActivityTable activities, LossyStructures state, long events)
        : base(activities, state)
    {
        Epsilon = epsilon;
        BucketWidth = Summaries.BucketWidth.For(epsilon);
        EventsProcessed = events;
    }

    public double Epsilon { get; }

    /// <summary>w; 0 when counting exactly.</summary>
    public long BucketWidth { get; }

    /// <summary>b = ⌈N/w⌉ (0 before the first event and when exact).</summary>
    public long CurrentBucket => BucketWidth == 0 ? 0 : (EventsProcessed + BucketWidth - 1) / BucketWidth;

    public override SummaryVariant Variant => SummaryVariant.LossyCounting;

    private protected override void ObserveCore(string caseId, int activity)
    {
        var n = ++EventsProcessed;
        var w = BucketWidth;
        if (w == 0)
        {
            State.Apply(caseId, activity, 0);
            return;
        }

        var bucket = (n + w - 1) / w;
        State.Apply(caseId, activity, bucket - 1);
        if (n % w == 0)
            State.Prune(bucket);
    }

    public override SummaryCounts GetCounts()
    {
        var (activities, relations, loops, starts) = State.ToEntries(Activities);
        return new SummaryCounts(
            Variant, EventsProcessed, Epsilon, BucketWidth, CurrentBucket, Budget: null, WindowSize: null,
            MaxMissedCount: BucketWidth == 0 ? 0 : EventsProcessed / BucketWidth,
            Cases: State.CaseCount, CaseEvictions: State.CaseEvictions, activities, relations, loops, starts);
    }

    internal override void WriteState(BinaryWriter writer)
    {
        writer.Write(Epsilon);
        writer.Write(EventsProcessed);
        SnapshotCodec.WriteActivities(writer, Activities);
        SnapshotCodec.WriteStructures(writer, State);
    }

    internal static LossyCountingSummary ReadState(BinaryReader reader)
    {
        var epsilon = reader.ReadDouble();
        var events = SnapshotCodec.ReadNonNegative(reader, "eventsProcessed");
        var activities = SnapshotCodec.ReadActivities(reader);
        var state = SnapshotCodec.ReadStructures(reader, activities.Count);
        return new LossyCountingSummary(epsilon, activities, state, events);
    }
}
