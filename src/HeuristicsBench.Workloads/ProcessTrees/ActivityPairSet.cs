namespace HeuristicsBench.Workloads.ProcessTrees;

/// <summary>A relation on activity ids 0…n-1: one <see cref="ActivitySet"/> of successors per id, created on demand.</summary>
internal sealed class ActivityPairSet
{
    private readonly int _capacity;
    private readonly ActivitySet?[] _rows;

    public ActivityPairSet(int capacity)
    {
        _capacity = capacity;
        _rows = new ActivitySet?[capacity];
    }

    public bool Contains(int first, int second) => _rows[first]?.Contains(second) == true;

    public void Add(int first, int second) => Row(first).Add(second);

    public void UnionWith(ActivityPairSet other)
    {
        for (var i = 0; i < _capacity; i++)
        {
            if (other._rows[i] is { } row)
                Row(i).UnionWith(row);
        }
    }

    /// <summary>Adds every pair (x, y) with x in <paramref name="firsts"/> and y in <paramref name="seconds"/>.</summary>
    public void AddProduct(ActivitySet firsts, ActivitySet seconds)
    {
        if (seconds.IsEmpty)
            return;
        foreach (var x in firsts.Members())
            Row(x).UnionWith(seconds);
    }

    public ActivityPairSet Copy()
    {
        var copy = new ActivityPairSet(_capacity);
        copy.UnionWith(this);
        return copy;
    }

    /// <summary>The pairs, ordered by first then second id.</summary>
    public IEnumerable<(int First, int Second)> Pairs()
    {
        for (var i = 0; i < _capacity; i++)
        {
            if (_rows[i] is not { } row)
                continue;
            foreach (var j in row.Members())
                yield return (i, j);
        }
    }

    private ActivitySet Row(int first) => _rows[first] ??= new ActivitySet(_capacity);
}
