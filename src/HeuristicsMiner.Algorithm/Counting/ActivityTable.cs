using System.Runtime.InteropServices;

namespace HeuristicsMiner.Algorithm.Counting;

/// <summary>
/// Interns activity names to dense ids (0, 1, 2, … in order of first sight). Ids never change, so a
/// summary's state can refer to activities by id; snapshots store the names in id order.
/// </summary>
public sealed class ActivityTable
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _spanIds;
    private readonly List<string> _names = [];

    public ActivityTable() => _spanIds = _ids.GetAlternateLookup<ReadOnlySpan<char>>();

    public int Count => _names.Count;

    public IReadOnlyList<string> Names => _names;

    public int GetOrAdd(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ref var id = ref CollectionsMarshal.GetValueRefOrAddDefault(_ids, name, out var exists);
        if (!exists)
        {
            id = _names.Count;
            _names.Add(name);
        }
        return id;
    }

    public int GetOrAdd(ReadOnlySpan<char> name) =>
        _spanIds.TryGetValue(name, out var id) ? id : GetOrAdd(name.ToString());

    public bool TryGetId(string name, out int id) => _ids.TryGetValue(name, out id);

    public string NameOf(int id) => _names[id];
}
