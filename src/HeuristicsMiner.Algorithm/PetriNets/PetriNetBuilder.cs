namespace HeuristicsMiner.Algorithm.PetriNets;

/// <summary>
/// Mutable net used while converting: hands out unique ids, keeps pre- and postsets for the reduction rules,
/// and freezes into a <see cref="PetriNet"/>. Places and transitions share one id space.
/// </summary>
internal sealed class PetriNetBuilder
{
    private readonly HashSet<string> _usedIds = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _places = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, string?> _transitions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SortedSet<string>> _in = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SortedSet<string>> _out = new(StringComparer.Ordinal);

    /// <summary>Adds a place whose id is <paramref name="preferredId"/>, or that id with "~2", "~3", ... when taken.</summary>
    public string AddPlace(string preferredId)
    {
        string id = Reserve(preferredId);
        _places.Add(id);
        return id;
    }

    /// <summary>Adds a transition (label <see langword="null"/> = silent) with a unique id based on <paramref name="preferredId"/>.</summary>
    public string AddTransition(string preferredId, string? label)
    {
        string id = Reserve(preferredId);
        _transitions.Add(id, label);
        return id;
    }

    public void AddArc(string sourceId, string targetId)
    {
        Neighbours(_out, sourceId).Add(targetId);
        Neighbours(_in, targetId).Add(sourceId);
    }

    public bool IsPlace(string id) => _places.Contains(id);

    public bool IsSilentTransition(string id) => _transitions.TryGetValue(id, out var label) && label is null;

    /// <summary>Ids of the silent transitions, sorted ordinally (a snapshot).</summary>
    public IReadOnlyList<string> SilentTransitionIds() => [.. _transitions.Where(t => t.Value is null).Select(t => t.Key)];

    /// <summary>Sources of the arcs into <paramref name="id"/>, sorted ordinally.</summary>
    public IReadOnlySet<string> Preset(string id) => Neighbours(_in, id);

    /// <summary>Targets of the arcs out of <paramref name="id"/>, sorted ordinally.</summary>
    public IReadOnlySet<string> Postset(string id) => Neighbours(_out, id);

    /// <summary>Removes a place or transition together with its arcs. Its id stays reserved.</summary>
    public void Remove(string id)
    {
        foreach (var source in Neighbours(_in, id))
            _out[source].Remove(id);
        foreach (var target in Neighbours(_out, id))
            _in[target].Remove(id);
        _in.Remove(id);
        _out.Remove(id);
        _places.Remove(id);
        _transitions.Remove(id);
    }

    public PetriNet Build(IReadOnlyDictionary<string, int> initialMarking, IReadOnlyDictionary<string, int> finalMarking) =>
        new(
            _places.Select(id => new Place(id)),
            _transitions.Select(t => new Transition(t.Key, t.Value)),
            _out.SelectMany(kv => kv.Value.Select(target => new Arc(kv.Key, target))),
            initialMarking,
            finalMarking);

    private string Reserve(string preferredId)
    {
        string id = preferredId;
        for (int n = 2; !_usedIds.Add(id); n++)
            id = preferredId + "~" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return id;
    }

    private static SortedSet<string> Neighbours(Dictionary<string, SortedSet<string>> map, string id)
    {
        if (!map.TryGetValue(id, out var set))
        {
            set = new SortedSet<string>(StringComparer.Ordinal);
            map.Add(id, set);
        }
        return set;
    }
}
