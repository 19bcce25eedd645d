namespace HeuristicsMiner.Algorithm.Counting;

/// <summary>
/// A lossy table keyed by dense activity id, stored as an array indexed by id (f = 0 marks an absent
/// entry, since a present entry has f ≥ 1). Used for D_A and D_S, where a dictionary would only add hashing.
/// </summary>
internal sealed class ActivityCounters
{
    private LossyEntry[] _entries = new LossyEntry[16];

    public int Count { get; private set; }

    public void Increment(int id, long newDelta)
    {
        if ((uint)id >= (uint)_entries.Length)
            Grow(id);
        ref var entry = ref _entries[id];
        if (entry.Frequency != 0)
        {
            entry.Frequency++;
            return;
        }
        entry = new LossyEntry(1, newDelta);
        Count++;
    }

    public bool Contains(int id) => (uint)id < (uint)_entries.Length && _entries[id].Frequency != 0;

    public bool TryAdd(int id, LossyEntry entry)
    {
        if (id < 0 || entry.Frequency < 1 || Contains(id))
            return false;
        if (id >= _entries.Length)
            Grow(id);
        _entries[id] = entry;
        Count++;
        return true;
    }

    public int Prune(long bucket)
    {
        var removed = 0;
        for (var id = 0; id < _entries.Length; id++)
        {
            ref var entry = ref _entries[id];
            if (entry.Frequency != 0 && entry.CanBePruned(bucket))
            {
                entry = default;
                removed++;
            }
        }
        Count -= removed;
        return removed;
    }

    /// <summary>Present entries in id order.</summary>
    public IEnumerable<(int Id, LossyEntry Entry)> Entries()
    {
        for (var id = 0; id < _entries.Length; id++)
        {
            if (_entries[id].Frequency != 0)
                yield return (id, _entries[id]);
        }
    }

    public long MinimumUpperBound()
    {
        var min = long.MaxValue;
        foreach (var entry in _entries)
        {
            if (entry.Frequency != 0)
                min = Math.Min(min, entry.Frequency + entry.Delta);
        }
        return min;
    }

    private void Grow(int id) => Array.Resize(ref _entries, Math.Max(id + 1, _entries.Length * 2));
}
