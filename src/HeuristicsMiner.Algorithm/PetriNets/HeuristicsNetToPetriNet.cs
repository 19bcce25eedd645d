using HeuristicsMiner.Algorithm.Model;

namespace HeuristicsMiner.Algorithm.PetriNets;

/// <summary>
/// Converts a <see cref="HeuristicsNet"/> into a workflow net following pm4py's
/// <c>pm4py/objects/conversion/heuristics_net/variants/to_petri_net.py</c> (pm4py-core).
/// </summary>
/// <remarks>
/// <para>The pm4py algorithm, as read:</para>
/// <list type="number">
/// <item>One source place (initial marking 1) per start-activity set and one sink place (final marking 1) per
/// end-activity set; one visible transition per activity, labelled with the activity.</item>
/// <item>For each activity x it collects who enters x (every y with an arc y-&gt;x, plus "the source" when x is a
/// start activity) and whom x exits to (every z with an arc x-&gt;z, plus "the sink" when x is an end activity).
/// Self loops count on both sides.</item>
/// <item>Entering: when x has input activities it gets a place <c>pre_x</c> feeding x. With exactly one entry that
/// place is the input place for that one predecessor. With several entries, every AND group (a maximal clique of the
/// and-measure graph over x's inputs, <c>find_bindings</c>) becomes one hidden transition into <c>pre_x</c> that
/// consumes from one place <c>splace_in_x_y</c> per member y; every input in no AND pair gets its own hidden
/// transition and place. Places are shared per (x, y), so y's token can feed any of x's groups containing y.</item>
/// <item>A start activity with no other entry is fed straight from the source; otherwise a hidden transition moves
/// the token from the source to <c>pre_x</c>.</item>
/// <item>Exiting: with exactly one successor and no sink, x produces straight into that successor's input place
/// for x. Otherwise x produces into <c>intplace_x</c> and every output AND group (cliques of the output
/// and-measures) becomes a hidden transition from <c>intplace_x</c> into the input places for x of all its members;
/// every output in no AND pair gets its own hidden transition.</item>
/// <item>An end activity with no other exit produces into the sink directly; otherwise a hidden transition moves a
/// token from <c>intplace_x</c> to the sink.</item>
/// <item>Redundant invisible transitions are removed: a hidden transition whose preset equals another's and whose
/// postset is a strict subset of the other's (this drops the per-activity XOR transitions pm4py also creates for
/// AND members that are not keys of its and-measure dictionary).</item>
/// <item>pm4py's simple reduction then folds a hidden transition with a single input place that has a single
/// producer and no other consumer into that producer (<c>reduce_single_entry_transitions</c>), and afterwards a
/// hidden transition with a single output place that has a single consumer and no other producer into that
/// consumer (<c>reduce_single_exit_transitions</c>).</item>
/// </list>
/// <para>Deliberate deviations:</para>
/// <list type="bullet">
/// <item>AND groups are taken from <see cref="HeuristicsNode.InputBindings"/> and
/// <see cref="HeuristicsNode.OutputBindings"/> instead of recomputing and-measures and cliques; a neighbour named by
/// no binding counts as a one-member (XOR) binding, so empty binding lists mean "all XOR". Hence pm4py's extra
/// per-member XOR transitions for non-key AND members are never created (the redundancy rule would drop them).</item>
/// <item>One start set and one end set: the places are <c>source</c> and <c>sink</c> (pm4py: <c>source0</c>,
/// <c>sink0</c>). The model's <see cref="HeuristicsNet.LengthTwoLoops"/> are not used beyond their arcs, as in pm4py.</item>
/// <item>An activity with no input arc that is not a start activity is treated as a start activity, and one with
/// no output arc that is not an end activity as an end activity, so that every transition lies on a path from
/// source to sink (pm4py would leave such a transition without input or output place).</item>
/// <item>An empty heuristics net yields <c>source</c> -&gt; silent <c>skip</c> -&gt; <c>sink</c> (the empty trace).</item>
/// <item>Arcs form a set: when a reduction would add an arc that already exists it is merged, where pm4py would keep
/// a second arc object between the same nodes.</item>
/// <item>Ids are deterministic: activity transitions use the activity name (so a visible transition's id equals
/// its label), other nodes use pm4py's names (<c>pre_x</c>, <c>intplace_x</c>, <c>hid_n</c>; input places are
/// <c>splace_in_x_y</c> without pm4py's loop index), with "~2", "~3", ... appended on a clash. Hidden transitions
/// are numbered in creation order: all entering sides (activities in ordinal order, bindings in ordinal order of
/// their member lists), then all exiting sides. Reduction candidates are visited in ordinal id order.</item>
/// </list>
/// <para>The result is always a net with one <c>source</c> place (initial marking 1) and one <c>sink</c> place
/// (final marking 1); it is a workflow net (every node on a path from source to sink) whenever every activity can be
/// reached from a start activity and can reach an end activity along the arcs, as in a net mined from a log. Like
/// pm4py's, the conversion does not guarantee soundness for arbitrary binding combinations.</para>
/// </remarks>
public static class HeuristicsNetToPetriNet
{
    /// <summary>Converts <paramref name="net"/> into a workflow net with one source and one sink place.</summary>
    /// <exception cref="ArgumentException">Two nodes share a name, or an arc, start or end activity or binding names
    /// an activity that is not a node (for bindings: not an input, respectively output, of the node), or a binding
    /// is empty.</exception>
    public static PetriNet Convert(HeuristicsNet net)
    {
        ArgumentNullException.ThrowIfNull(net);
        var nodes = IndexNodes(net);
        var inputs = Neighbours(net, nodes, arc => arc.To, arc => arc.From);
        var outputs = Neighbours(net, nodes, arc => arc.From, arc => arc.To);
        var starts = Endpoints(net.StartActivities, nodes, inputs, nameof(HeuristicsNet.StartActivities));
        var ends = Endpoints(net.EndActivities, nodes, outputs, nameof(HeuristicsNet.EndActivities));
        var inputBindings = nodes.ToDictionary(
            kv => kv.Key, kv => Bindings(kv.Value.InputBindings, inputs[kv.Key], kv.Key, "input"), StringComparer.Ordinal);
        var outputBindings = nodes.ToDictionary(
            kv => kv.Key, kv => Bindings(kv.Value.OutputBindings, outputs[kv.Key], kv.Key, "output"), StringComparer.Ordinal);

        var builder = new PetriNetBuilder();
        var activities = nodes.Keys.Order(StringComparer.Ordinal).ToList();
        foreach (var activity in activities)
            builder.AddTransition(activity, activity);
        string source = builder.AddPlace("source");
        string sink = builder.AddPlace("sink");

        if (activities.Count == 0)
        {
            string skip = builder.AddTransition("skip", null);
            builder.AddArc(source, skip);
            builder.AddArc(skip, sink);
        }

        int hidden = 0;
        string NewHidden() => builder.AddTransition(
            "hid_" + (++hidden).ToString(System.Globalization.CultureInfo.InvariantCulture), null);

        // (x, y) -> the place through which y hands a token to x.
        var inputPlaces = new Dictionary<(string To, string From), string>();

        foreach (var x in activities)
        {
            var entering = inputs[x];
            bool isStart = starts.Contains(x);
            int count = entering.Count + (isStart ? 1 : 0);
            string? master = null;
            if (entering.Count > 0)
            {
                master = builder.AddPlace("pre_" + x);
                builder.AddArc(master, x);
                if (count == 1)
                {
                    inputPlaces[(x, entering[0])] = master;
                }
                else
                {
                    foreach (var binding in inputBindings[x])
                    {
                        string hid = NewHidden();
                        builder.AddArc(hid, master);
                        foreach (var y in binding)
                        {
                            if (!inputPlaces.TryGetValue((x, y), out var place))
                            {
                                place = builder.AddPlace("splace_in_" + x + "_" + y);
                                inputPlaces[(x, y)] = place;
                            }
                            builder.AddArc(place, hid);
                        }
                    }
                }
            }
            if (isStart)
            {
                if (master is null)
                {
                    builder.AddArc(source, x);
                }
                else
                {
                    string hid = NewHidden();
                    builder.AddArc(source, hid);
                    builder.AddArc(hid, master);
                }
            }
        }

        foreach (var x in activities)
        {
            var exiting = outputs[x];
            bool isEnd = ends.Contains(x);
            int count = exiting.Count + (isEnd ? 1 : 0);
            string? intPlace = null;
            if (exiting.Count > 0)
            {
                if (count == 1)
                {
                    builder.AddArc(x, inputPlaces[(exiting[0], x)]);
                }
                else
                {
                    intPlace = builder.AddPlace("intplace_" + x);
                    builder.AddArc(x, intPlace);
                    foreach (var binding in outputBindings[x])
                    {
                        string hid = NewHidden();
                        builder.AddArc(intPlace, hid);
                        foreach (var z in binding)
                            builder.AddArc(hid, inputPlaces[(z, x)]);
                    }
                }
            }
            if (isEnd)
            {
                if (intPlace is null)
                {
                    builder.AddArc(x, sink);
                }
                else
                {
                    string hid = NewHidden();
                    builder.AddArc(intPlace, hid);
                    builder.AddArc(hid, sink);
                }
            }
        }

        PetriNetReduction.RemoveRedundantInvisibleTransitions(builder);
        PetriNetReduction.ApplySimpleReduction(builder);

        var initial = new Dictionary<string, int>(StringComparer.Ordinal) { [source] = 1 };
        var final = new Dictionary<string, int>(StringComparer.Ordinal) { [sink] = 1 };
        return builder.Build(initial, final);
    }

    private static Dictionary<string, HeuristicsNode> IndexNodes(HeuristicsNet net)
    {
        var nodes = new Dictionary<string, HeuristicsNode>(StringComparer.Ordinal);
        foreach (var node in net.Nodes)
        {
            ArgumentNullException.ThrowIfNull(node?.Name, nameof(net));
            if (!nodes.TryAdd(node.Name, node))
                throw new ArgumentException($"Activity '{node.Name}' appears twice among the nodes.", nameof(net));
        }
        return nodes;
    }

    /// <summary>Per activity, the distinct neighbours along the arcs (sorted ordinally).</summary>
    private static Dictionary<string, IReadOnlyList<string>> Neighbours(
        HeuristicsNet net,
        Dictionary<string, HeuristicsNode> nodes,
        Func<DependencyArc, string> key,
        Func<DependencyArc, string> neighbour)
    {
        var sets = nodes.Keys.ToDictionary(n => n, _ => new SortedSet<string>(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var arc in net.Arcs)
        {
            if (!nodes.ContainsKey(arc.From) || !nodes.ContainsKey(arc.To))
                throw new ArgumentException($"Arc '{arc.From}' -> '{arc.To}' names an activity that is not a node.", nameof(net));
            sets[key(arc)].Add(neighbour(arc));
        }
        return sets.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<string>)[.. kv.Value], StringComparer.Ordinal);
    }

    /// <summary>The given start (end) activities plus every activity without input (output) arcs.</summary>
    private static HashSet<string> Endpoints(
        IReadOnlyList<string> declared,
        Dictionary<string, HeuristicsNode> nodes,
        Dictionary<string, IReadOnlyList<string>> neighbours,
        string what)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        foreach (var activity in declared)
        {
            if (activity is null || !nodes.ContainsKey(activity))
                throw new ArgumentException($"{what} names '{activity}', which is not a node.", nameof(declared));
            result.Add(activity);
        }
        foreach (var (activity, list) in neighbours)
        {
            if (list.Count == 0)
                result.Add(activity);
        }
        return result;
    }

    /// <summary>
    /// The bindings of one side of an activity as sorted, distinct member lists in ordinal order, completed with a
    /// one-member binding for every neighbour no binding names.
    /// </summary>
    private static List<IReadOnlyList<string>> Bindings(
        IReadOnlyList<IReadOnlyList<string>> declared,
        IReadOnlyList<string> neighbours,
        string activity,
        string side)
    {
        var allowed = new HashSet<string>(neighbours, StringComparer.Ordinal);
        var covered = new HashSet<string>(StringComparer.Ordinal);
        var bindings = new List<IReadOnlyList<string>>();
        foreach (var binding in declared ?? [])
        {
            var members = (binding ?? []).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            if (members.Count == 0)
                throw new ArgumentException($"Activity '{activity}' has an empty {side} binding.", nameof(declared));
            foreach (var member in members)
            {
                if (!allowed.Contains(member))
                    throw new ArgumentException(
                        $"An {side} binding of '{activity}' names '{member}', which is not an {side} of it.", nameof(declared));
                covered.Add(member);
            }
            bindings.Add(members);
        }
        foreach (var neighbour in neighbours)
        {
            if (!covered.Contains(neighbour))
                bindings.Add([neighbour]);
        }
        bindings.Sort(CompareMembers);
        var distinct = new List<IReadOnlyList<string>>(bindings.Count);
        foreach (var binding in bindings)
        {
            if (distinct.Count == 0 || CompareMembers(distinct[^1], binding) != 0)
                distinct.Add(binding);
        }
        return distinct;
    }

    private static int CompareMembers(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        for (int i = 0; i < Math.Min(a.Count, b.Count); i++)
        {
            int c = string.CompareOrdinal(a[i], b[i]);
            if (c != 0)
                return c;
        }
        return a.Count.CompareTo(b.Count);
    }
}
