using System.Runtime.InteropServices;
using HeuristicsMiner.Algorithm.Summaries;

namespace HeuristicsMiner.Algorithm.Counting;

/// <summary>
/// The lossy-counting structures of the streaming heuristics miner (Burattin, Sperduti, van der Aalst):
/// D_A (activities), D_C (cases with their last two activities), D_R (directly-follows relations),
/// D_L2 ("a b a" patterns, counted as a&gt;&gt;b for length-two loops) and D_S (the first activity of a case
/// entry new to D_C, for start activities). The bucket policy (when to prune, which Δ new entries get) belongs
/// to the variant that owns these structures; this type only applies the update rule and prunes.
/// </summary>
public sealed class LossyStructures
{
    internal ActivityCounters Activities { get; } = new();
    internal Dictionary<string, CaseEntry> Cases { get; } = new(StringComparer.Ordinal);
    internal Dictionary<long, LossyEntry> Relations { get; } = [];
    internal Dictionary<long, LossyEntry> LoopPatterns { get; } = [];
    internal ActivityCounters Starts { get; } = new();

    /// <summary>Entries over all five structures (what a budget bounds).</summary>
    public int EntryCount =>
        Activities.Count + Cases.Count + Relations.Count + LoopPatterns.Count + Starts.Count;

    public int CaseCount => Cases.Count;

    /// <summary>
    /// Case entries removed by pruning so far. A case's next event after its eviction starts a new entry, so
    /// the relation into it is not counted: while this is 0, D_R and D_L2 saw every relation of the stream.
    /// </summary>
    public long CaseEvictions { get; internal set; }

    /// <summary>Counts event (caseId, activity); entries created now get Δ = <paramref name="newDelta"/>.</summary>
    public void Apply(string caseId, int activity, long newDelta)
    {
        Activities.Increment(activity, newDelta);
        ref var entry = ref CollectionsMarshal.GetValueRefOrAddDefault(Cases, caseId, out var known);
        if (!known)
        {
            entry = new CaseEntry(activity, -1, 1, newDelta);
            Starts.Increment(activity, newDelta);
            return;
        }

        var last = entry.Last;
        Increment(Relations, PairKey.Of(last, activity), newDelta);
        if (entry.SecondLast == activity && last != activity)
            Increment(LoopPatterns, PairKey.Of(activity, last), newDelta);
        entry.SecondLast = last;
        entry.Last = activity;
        entry.Frequency++;
    }

    /// <summary>How many entries <see cref="Apply"/> would create for this event (for budgeted variants).</summary>
    public int NewEntriesFor(string caseId, int activity)
    {
        var count = Activities.Contains(activity) ? 0 : 1;
        if (!Cases.TryGetValue(caseId, out var entry))
            return count + 1 + (Starts.Contains(activity) ? 0 : 1);
        if (!Relations.ContainsKey(PairKey.Of(entry.Last, activity)))
            count++;
        if (entry.SecondLast == activity && entry.Last != activity &&
            !LoopPatterns.ContainsKey(PairKey.Of(activity, entry.Last)))
            count++;
        return count;
    }

    /// <summary>Removes every entry with f + Δ &lt;= bucket from every structure; returns how many went.</summary>
    public int Prune(long bucket)
    {
        var removed = Activities.Prune(bucket) + PruneTable(Relations, bucket) +
                      PruneTable(LoopPatterns, bucket) + Starts.Prune(bucket);
        foreach (var (key, entry) in Cases)
        {
            if (entry.CanBePruned(bucket))
            {
                Cases.Remove(key);
                removed++;
                CaseEvictions++;
            }
        }
        return removed;
    }

    /// <summary>The smallest f + Δ over all entries (long.MaxValue when empty).</summary>
    public long MinimumUpperBound()
    {
        var min = Math.Min(Activities.MinimumUpperBound(), Starts.MinimumUpperBound());
        foreach (var e in Relations.Values) min = Math.Min(min, e.Frequency + e.Delta);
        foreach (var e in LoopPatterns.Values) min = Math.Min(min, e.Frequency + e.Delta);
        foreach (var e in Cases.Values) min = Math.Min(min, e.Frequency + e.Delta);
        return min;
    }

    /// <summary>The entries keyed by name, each list in canonical (ordinal) order.</summary>
    internal (IReadOnlyList<CountEntry> Activities, IReadOnlyList<PairCountEntry> Relations,
        IReadOnlyList<PairCountEntry> LoopPatterns, IReadOnlyList<CountEntry> Starts) ToEntries(ActivityTable names) =>
        (Named(Activities, names), Named(Relations, names), Named(LoopPatterns, names), Named(Starts, names));

    private static CountEntry[] Named(ActivityCounters table, ActivityTable names)
    {
        var result = table.Entries().Select(e => new CountEntry(names.NameOf(e.Id), e.Entry.Frequency, e.Entry.Delta)).ToArray();
        Array.Sort(result, CanonicalOrder.Compare);
        return result;
    }

    private static PairCountEntry[] Named(Dictionary<long, LossyEntry> table, ActivityTable names)
    {
        var result = table.Select(kv => new PairCountEntry(
            names.NameOf(PairKey.From(kv.Key)), names.NameOf(PairKey.To(kv.Key)), kv.Value.Frequency, kv.Value.Delta)).ToArray();
        Array.Sort(result, CanonicalOrder.Compare);
        return result;
    }

    private static void Increment<TKey>(Dictionary<TKey, LossyEntry> table, TKey key, long newDelta)
        where TKey : notnull
    {
        ref var entry = ref CollectionsMarshal.GetValueRefOrAddDefault(table, key, out var exists);
        if (exists)
            entry.Frequency++;
        else
            entry = new LossyEntry(1, newDelta);
    }

    private static int PruneTable<TKey>(Dictionary<TKey, LossyEntry> table, long bucket) where TKey : notnull
    {
        var removed = 0;
        foreach (var (key, entry) in table)
        {
            if (entry.CanBePruned(bucket))
            {
                table.Remove(key);
                removed++;
            }
        }
        return removed;
    }
}
