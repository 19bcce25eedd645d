using System.Runtime.InteropServices;
using HeuristicsMiner.Algorithm.Counting;

namespace HeuristicsMiner.Algorithm.Summaries;

/// <summary>
/// Batch heuristics-miner counts over the last W events, maintained incrementally: an event entering the
/// window adds its activity, the relation from its case's previous event in the window, and an "a b a"
/// pattern when the case's last two events in the window make one; the event leaving the window takes back
/// exactly what it contributed to. Its case successor then becomes the first event of that case in the
/// window (a start). All counts are exact over the window, so Δ is always 0.
/// </summary>
public sealed class SlidingWindowSummary : StreamSummary
{
    private readonly Slot[] _slots;
    private readonly Dictionary<string, WindowCase> _cases = new(StringComparer.Ordinal);
    private readonly Dictionary<int, long> _activities = [];
    private readonly Dictionary<long, long> _relations = [];
    private readonly Dictionary<long, long> _loops = [];
    private readonly Dictionary<int, long> _starts = [];
    private int _count;

    public SlidingWindowSummary(int windowSize) : this(windowSize, new ActivityTable())
    {
    }

    private SlidingWindowSummary(int windowSize, ActivityTable activities) : base(activities)
    {
        if (windowSize < 1)
            throw new ArgumentOutOfRangeException(nameof(windowSize), windowSize, "the window must hold at least one event");
        _slots = new Slot[windowSize];
    }

    public int WindowSize => _slots.Length;

    /// <summary>Events currently in the window.</summary>
    public int Count => _count;

    public override SummaryVariant Variant => SummaryVariant.SlidingWindow;

    public override int EntryCount =>
        _activities.Count + _relations.Count + _loops.Count + _starts.Count + _cases.Count;

    private long OldestSequence => EventsProcessed - Count;

    private protected override void ObserveCore(string caseId, int activity)
    {
        if (_count == _slots.Length)
            Evict(OldestSequence);

        var sequence = EventsProcessed++;
        _count++;
        ref var slot = ref _slots[sequence % _slots.Length];
        slot = new Slot(caseId, activity);
        Add(_activities, activity, 1);

        ref var windowCase = ref CollectionsMarshal.GetValueRefOrAddDefault(_cases, caseId, out var known);
        if (!known)
        {
            windowCase = new WindowCase(sequence, -1, 1);
            slot.IsStart = true;
            Add(_starts, activity, 1);
            return;
        }

        ref var previous = ref _slots[windowCase.Last % _slots.Length];
        previous.Successor = sequence;
        Add(_relations, PairKey.Of(previous.Activity, activity), 1);
        if (windowCase.SecondLast >= OldestSequence && windowCase.SecondLast >= 0)
        {
            ref var first = ref _slots[windowCase.SecondLast % _slots.Length];
            if (first.Activity == activity && previous.Activity != activity)
            {
                first.LoopWith = previous.Activity;
                Add(_loops, PairKey.Of(activity, previous.Activity), 1);
            }
        }
        windowCase = new WindowCase(sequence, windowCase.Last, windowCase.InWindow + 1);
    }

    private void Evict(long sequence)
    {
        ref var slot = ref _slots[sequence % _slots.Length];
        Add(_activities, slot.Activity, -1);
        if (slot.IsStart)
            Add(_starts, slot.Activity, -1);
        if (slot.LoopWith >= 0)
            Add(_loops, PairKey.Of(slot.Activity, slot.LoopWith), -1);
        if (slot.Successor >= 0)
        {
            ref var successor = ref _slots[slot.Successor % _slots.Length];
            Add(_relations, PairKey.Of(slot.Activity, successor.Activity), -1);
            successor.IsStart = true;
            Add(_starts, successor.Activity, 1);
            if (slot.IsStart)
                CaseEvictions++;
        }

        ref var windowCase = ref CollectionsMarshal.GetValueRefOrNullRef(_cases, slot.CaseId);
        if (--windowCase.InWindow == 0)
            _cases.Remove(slot.CaseId);
        slot = default;
        _count--;
    }

    public override SummaryCounts GetCounts() =>
        new(Variant, EventsProcessed, Epsilon: 0, BucketWidth: 0, CurrentBucket: 0, Budget: null, WindowSize: WindowSize,
            MaxMissedCount: 0, Cases: _cases.Count, CaseEvictions: CaseEvictions,
            Named(_activities), Named(_relations), Named(_loops), Named(_starts));

    /// <summary>Cases whose first event in the window left while later ones stayed (their successor became a start).</summary>
    public long CaseEvictions { get; private set; }

    /// <summary>The events in the window, oldest first.</summary>
    public IEnumerable<(string CaseId, int Activity)> WindowEvents()
    {
        for (var s = OldestSequence; s < EventsProcessed; s++)
        {
            var slot = _slots[s % _slots.Length];
            yield return (slot.CaseId, slot.Activity);
        }
    }

    internal override void WriteState(BinaryWriter writer)
    {
        writer.Write(WindowSize);
        writer.Write(EventsProcessed);
        writer.Write(CaseEvictions);
        SnapshotCodec.WriteActivities(writer, Activities);
        writer.Write(Count);
        foreach (var (caseId, activity) in WindowEvents())
        {
            writer.Write(caseId);
            writer.Write(activity);
        }
    }

    /// <summary>The window's counts are a function of its events alone, so replaying them restores the state.</summary>
    internal static SlidingWindowSummary ReadState(BinaryReader reader)
    {
        var windowSize = reader.ReadInt32();
        var events = SnapshotCodec.ReadNonNegative(reader, "eventsProcessed");
        var evictions = SnapshotCodec.ReadNonNegative(reader, "caseEvictions");
        var activities = SnapshotCodec.ReadActivities(reader);
        var count = SnapshotCodec.ReadCount(reader, "window events");
        if (windowSize < 1 || count > windowSize || count > events || (count < windowSize && count != events))
            throw new InvalidDataException($"snapshot window of {count} events does not fit size {windowSize} after {events} events");
        var summary = new SlidingWindowSummary(windowSize, activities) { EventsProcessed = events - count };
        for (var i = 0; i < count; i++)
        {
            var caseId = reader.ReadString();
            var activity = reader.ReadInt32();
            if (caseId.Length == 0 || activity < 0 || activity >= activities.Count)
                throw new InvalidDataException($"snapshot window event #{i} is invalid");
            summary.ObserveCore(caseId, activity);
        }
        summary.CaseEvictions = evictions;
        return summary;
    }

    private CountEntry[] Named(Dictionary<int, long> table)
    {
        var result = table.Select(kv => new CountEntry(Activities.NameOf(kv.Key), kv.Value, 0)).ToArray();
        Array.Sort(result, CanonicalOrder.Compare);
        return result;
    }

    private PairCountEntry[] Named(Dictionary<long, long> table)
    {
        var result = table.Select(kv => new PairCountEntry(
            Activities.NameOf(PairKey.From(kv.Key)), Activities.NameOf(PairKey.To(kv.Key)), kv.Value, 0)).ToArray();
        Array.Sort(result, CanonicalOrder.Compare);
        return result;
    }

    private static void Add<TKey>(Dictionary<TKey, long> table, TKey key, long amount) where TKey : notnull
    {
        ref var count = ref CollectionsMarshal.GetValueRefOrAddDefault(table, key, out _);
        count += amount;
        if (count == 0)
            table.Remove(key);
    }

    private struct Slot(string caseId, int activity)
    {
        public string CaseId = caseId;
        public int Activity = activity;
        public long Successor = -1;
        public int LoopWith = -1;
        public bool IsStart;
    }

    private record struct WindowCase(long Last, long SecondLast, int InWindow);
}
