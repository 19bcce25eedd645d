using System.Numerics;

namespace HeuristicsBench.Workloads.ProcessTrees;

/// <summary>A set of activity ids 0…n-1 as a bit set.</summary>
internal sealed class ActivitySet
{
    private readonly ulong[] _words;

    public ActivitySet(int capacity) => _words = new ulong[(capacity + 63) >> 6];

    public bool IsEmpty => Array.TrueForAll(_words, w => w == 0);

    public bool Contains(int id) => (_words[id >> 6] & (1UL << id)) != 0;

    public void Add(int id) => _words[id >> 6] |= 1UL << id;

    public void UnionWith(ActivitySet other)
    {
        for (var i = 0; i < _words.Length; i++)
            _words[i] |= other._words[i];
    }

    public ActivitySet Copy()
    {
        var copy = new ActivitySet(_words.Length << 6);
        _words.CopyTo(copy._words, 0);
        return copy;
    }

    public static ActivitySet Union(ActivitySet a, ActivitySet b)
    {
        var union = a.Copy();
        union.UnionWith(b);
        return union;
    }

    /// <summary>The members in increasing order.</summary>
    public IEnumerable<int> Members()
    {
        for (var i = 0; i < _words.Length; i++)
        {
            var word = _words[i];
            while (word != 0)
            {
                yield return (i << 6) + BitOperations.TrailingZeroCount(word);
                word &= word - 1;
            }
        }
    }
}
