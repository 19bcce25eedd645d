using System.Collections.ObjectModel;

namespace HeuristicsMiner.Algorithm.PetriNets;

/// <summary>
/// An immutable place/transition net with an initial and a final marking (place id to token count).
/// Places and transitions are kept sorted by id, arcs by source id then target id, and markings by place id,
/// all with ordinal comparison, so that writers produce byte-stable output for equal nets.
/// </summary>
public sealed class PetriNet
{
    private static readonly IReadOnlyList<string> NoIds = [];

    private readonly Dictionary<string, Place> _places;
    private readonly Dictionary<string, Transition> _transitions;
    private readonly Dictionary<string, IReadOnlyList<string>> _presets;
    private readonly Dictionary<string, IReadOnlyList<string>> _postsets;

    /// <summary>Builds a net and checks it.</summary>
    /// <exception cref="ArgumentException">An id is empty or used twice (places and transitions share one id space),
    /// an arc does not join a place and a transition of the net, or a marking names an unknown place or has a
    /// negative count. Duplicate arcs are merged; zero counts are dropped from the markings.</exception>
    public PetriNet(
        IEnumerable<Place> places,
        IEnumerable<Transition> transitions,
        IEnumerable<Arc> arcs,
        IReadOnlyDictionary<string, int> initialMarking,
        IReadOnlyDictionary<string, int> finalMarking)
    {
        ArgumentNullException.ThrowIfNull(places);
        ArgumentNullException.ThrowIfNull(transitions);
        ArgumentNullException.ThrowIfNull(arcs);
        ArgumentNullException.ThrowIfNull(initialMarking);
        ArgumentNullException.ThrowIfNull(finalMarking);

        _places = new Dictionary<string, Place>(StringComparer.Ordinal);
        foreach (var place in places)
        {
            ArgumentNullException.ThrowIfNull(place, nameof(places));
            CheckId(place.Id, nameof(places));
            if (!_places.TryAdd(place.Id, place))
                throw new ArgumentException($"Place id '{place.Id}' is used twice.", nameof(places));
        }

        _transitions = new Dictionary<string, Transition>(StringComparer.Ordinal);
        foreach (var transition in transitions)
        {
            ArgumentNullException.ThrowIfNull(transition, nameof(transitions));
            CheckId(transition.Id, nameof(transitions));
            if (_places.ContainsKey(transition.Id) || !_transitions.TryAdd(transition.Id, transition))
                throw new ArgumentException($"Transition id '{transition.Id}' is used twice.", nameof(transitions));
        }

        var arcSet = new HashSet<Arc>();
        foreach (var arc in arcs)
        {
            ArgumentNullException.ThrowIfNull(arc, nameof(arcs));
            bool placeToTransition = _places.ContainsKey(arc.SourceId) && _transitions.ContainsKey(arc.TargetId);
            bool transitionToPlace = _transitions.ContainsKey(arc.SourceId) && _places.ContainsKey(arc.TargetId);
            if (!placeToTransition && !transitionToPlace)
                throw new ArgumentException(
                    $"Arc '{arc.SourceId}' -> '{arc.TargetId}' does not join a place and a transition of the net.",
                    nameof(arcs));
            arcSet.Add(arc);
        }

        Places = [.. _places.Values.OrderBy(p => p.Id, StringComparer.Ordinal)];
        Transitions = [.. _transitions.Values.OrderBy(t => t.Id, StringComparer.Ordinal)];
        Arcs = [.. arcSet.OrderBy(a => a.SourceId, StringComparer.Ordinal).ThenBy(a => a.TargetId, StringComparer.Ordinal)];

        var pre = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var post = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var arc in Arcs)
        {
            Append(post, arc.SourceId, arc.TargetId);
            Append(pre, arc.TargetId, arc.SourceId);
        }
        _presets = Freeze(pre);
        _postsets = Freeze(post);

        InitialMarking = CheckMarking(initialMarking, nameof(initialMarking));
        FinalMarking = CheckMarking(finalMarking, nameof(finalMarking));
    }

    /// <summary>The places, sorted by id.</summary>
    public IReadOnlyList<Place> Places { get; }

    /// <summary>The transitions, sorted by id.</summary>
    public IReadOnlyList<Transition> Transitions { get; }

    /// <summary>The arcs, sorted by source id then target id, without duplicates.</summary>
    public IReadOnlyList<Arc> Arcs { get; }

    /// <summary>Tokens per place at the start, sorted by place id; places without tokens are absent.</summary>
    public IReadOnlyDictionary<string, int> InitialMarking { get; }

    /// <summary>Tokens per place at the end, sorted by place id; places without tokens are absent.</summary>
    public IReadOnlyDictionary<string, int> FinalMarking { get; }

    /// <summary>The place with this id, or <see langword="null"/>.</summary>
    public Place? FindPlace(string id) => _places.GetValueOrDefault(id);

    /// <summary>The transition with this id, or <see langword="null"/>.</summary>
    public Transition? FindTransition(string id) => _transitions.GetValueOrDefault(id);

    /// <summary>Ids of the nodes with an arc into the node <paramref name="id"/>, sorted; empty for an unknown id.</summary>
    public IReadOnlyList<string> Preset(string id) => _presets.GetValueOrDefault(id, NoIds);

    /// <summary>Ids of the nodes with an arc from the node <paramref name="id"/>, sorted; empty for an unknown id.</summary>
    public IReadOnlyList<string> Postset(string id) => _postsets.GetValueOrDefault(id, NoIds);

    private static void CheckId(string id, string paramName)
    {
        if (string.IsNullOrEmpty(id))
            throw new ArgumentException("Ids must not be null or empty.", paramName);
    }

    private ReadOnlyDictionary<string, int> CheckMarking(IReadOnlyDictionary<string, int> marking, string paramName)
    {
        var sorted = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var (placeId, tokens) in marking)
        {
            if (!_places.ContainsKey(placeId))
                throw new ArgumentException($"Marking names unknown place '{placeId}'.", paramName);
            if (tokens < 0)
                throw new ArgumentException($"Marking gives place '{placeId}' a negative count {tokens}.", paramName);
            if (tokens > 0)
                sorted.Add(placeId, tokens);
        }
        return new ReadOnlyDictionary<string, int>(sorted);
    }

    private static void Append(Dictionary<string, List<string>> map, string key, string value)
    {
        if (!map.TryGetValue(key, out var list))
        {
            list = [];
            map.Add(key, list);
        }
        list.Add(value);
    }

    private static Dictionary<string, IReadOnlyList<string>> Freeze(Dictionary<string, List<string>> map) =>
        map.ToDictionary(
            kv => kv.Key,
            kv => (IReadOnlyList<string>)[.. kv.Value.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
            StringComparer.Ordinal);
}
