using System.Globalization;
using System.Text;
using HeuristicsMiner.Algorithm.Model;
using HeuristicsMiner.Algorithm.PetriNets;

namespace HeuristicsMiner.Algorithm.Export;

/// <summary>
/// Writes Graphviz DOT for a heuristics net or a Petri net. Output uses "\n" line ends and invariant-culture
/// numbers, and depends only on the (sorted) content of the net, so equal nets give equal text.
/// </summary>
/// <remarks>
/// <para>Heuristics net: one box per activity labelled "name\n(frequency)"; graph node ids are <c>n0</c>, <c>n1</c>, …
/// in ordinal name order, so no activity name can clash with them or with the two extra nodes <c>"@@start"</c>
/// (edges to every start activity) and <c>"@@end"</c> (edges from every end activity). Each dependency arc is an
/// edge labelled "frequency / dependency" (dependency with three decimals).</para>
/// <para>AND bindings: when an activity has a binding with two or more members on a side, its label gets an extra
/// line listing all bindings of that side, members joined by " &amp; " (AND) and bindings by " | " (XOR), e.g.
/// <c>out: b &amp; c | d</c>; and every edge that belongs to such an AND binding of its source or its target is
/// drawn bold. Sides whose bindings are all single activities (pure XOR) add nothing.</para>
/// <para>Escaping: every label and id is a double-quoted DOT string in which <c>"</c> and <c>\</c> are
/// backslash-escaped, a line break (LF, CR or CRLF) in a name becomes the DOT line break <c>\n</c>, and other
/// control characters become spaces. Quoted DOT strings are otherwise taken literally, so names with <c>&lt;</c>,
/// <c>&amp;</c>, braces or non-ASCII characters need nothing else.</para>
/// <para>Petri net: places are circles (a black dot when initially marked, a double circle when in the final
/// marking, the id as tooltip), visible transitions are boxes labelled with the activity, silent transitions are
/// small black boxes; graph node ids are <c>p0…</c> and <c>t0…</c> in id order.</para>
/// </remarks>
public static class DotWriter
{
    private const string Start = "@@start";
    private const string End = "@@end";

    /// <summary>Writes the heuristics net as a DOT digraph to <paramref name="output"/>, which is left open.</summary>
    public static void Write(HeuristicsNet net, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(net);
        ArgumentNullException.ThrowIfNull(output);

        var nodes = net.Nodes.OrderBy(n => n.Name, StringComparer.Ordinal).ToList();
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i < nodes.Count; i++)
            ids.TryAdd(nodes[i].Name, "n" + i.ToString(CultureInfo.InvariantCulture));
        string Id(string activity) =>
            ids.TryGetValue(activity, out var id) ? id
            : throw new ArgumentException($"'{activity}' is not a node of the heuristics net.", nameof(net));

        var andEdges = new HashSet<(string From, string To)>();
        foreach (var node in nodes)
        {
            foreach (var binding in node.OutputBindings.Where(b => b.Count > 1))
                andEdges.UnionWith(binding.Select(to => (node.Name, to)));
            foreach (var binding in node.InputBindings.Where(b => b.Count > 1))
                andEdges.UnionWith(binding.Select(from => (from, node.Name)));
        }

        var sb = new StringBuilder();
        sb.Append("digraph heuristics_net {\n");
        sb.Append("  rankdir=LR;\n");
        sb.Append("  node [shape=box, style=\"rounded,filled\", fillcolor=\"#ffffff\", fontname=\"Helvetica\"];\n");
        sb.Append("  edge [fontname=\"Helvetica\", fontsize=10];\n");
        sb.Append("  ").Append(Quote(Start)).Append(" [shape=circle, style=filled, fillcolor=\"#7fc97f\", label=\"start\"];\n");
        sb.Append("  ").Append(Quote(End)).Append(" [shape=doublecircle, style=filled, fillcolor=\"#f0a0a0\", label=\"end\"];\n");

        foreach (var node in nodes)
        {
            var lines = new List<string> { node.Name, "(" + node.Frequency.ToString(CultureInfo.InvariantCulture) + ")" };
            if (node.InputBindings.Any(b => b.Count > 1))
                lines.Add("in: " + DescribeBindings(node.InputBindings));
            if (node.OutputBindings.Any(b => b.Count > 1))
                lines.Add("out: " + DescribeBindings(node.OutputBindings));
            sb.Append("  ").Append(Id(node.Name)).Append(" [label=").Append(Quote(lines)).Append("];\n");
        }

        foreach (var start in net.StartActivities.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            sb.Append("  ").Append(Quote(Start)).Append(" -> ").Append(Id(start)).Append(";\n");

        var arcs = net.Arcs
            .OrderBy(a => a.From, StringComparer.Ordinal)
            .ThenBy(a => a.To, StringComparer.Ordinal)
            .ThenBy(a => a.Frequency)
            .ThenBy(a => a.Dependency);
        foreach (var arc in arcs)
        {
            string label = arc.Frequency.ToString(CultureInfo.InvariantCulture) + " / "
                + arc.Dependency.ToString("0.000", CultureInfo.InvariantCulture);
            sb.Append("  ").Append(Id(arc.From)).Append(" -> ").Append(Id(arc.To))
                .Append(" [label=").Append(Quote(label));
            if (andEdges.Contains((arc.From, arc.To)))
                sb.Append(", style=bold");
            sb.Append("];\n");
        }

        foreach (var end in net.EndActivities.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            sb.Append("  ").Append(Id(end)).Append(" -> ").Append(Quote(End)).Append(";\n");

        sb.Append("}\n");
        output.Write(sb.ToString());
    }

    /// <summary>Writes the Petri net as a DOT digraph to <paramref name="output"/>, which is left open.</summary>
    public static void Write(PetriNet net, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(net);
        ArgumentNullException.ThrowIfNull(output);

        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        var sb = new StringBuilder();
        sb.Append("digraph petri_net {\n");
        sb.Append("  rankdir=LR;\n");
        sb.Append("  node [fontname=\"Helvetica\"];\n");

        for (int i = 0; i < net.Places.Count; i++)
        {
            var place = net.Places[i];
            string id = "p" + i.ToString(CultureInfo.InvariantCulture);
            ids.Add(place.Id, id);
            int tokens = net.InitialMarking.GetValueOrDefault(place.Id);
            string label = tokens switch
            {
                0 => "",
                1 => "\u25CF",
                _ => tokens.ToString(CultureInfo.InvariantCulture),
            };
            string shape = net.FinalMarking.ContainsKey(place.Id) ? "doublecircle" : "circle";
            sb.Append("  ").Append(id).Append(" [shape=").Append(shape).Append(", fixedsize=true, width=0.4, label=")
                .Append(Quote(label)).Append(", tooltip=").Append(Quote(place.Id)).Append("];\n");
        }

        for (int i = 0; i < net.Transitions.Count; i++)
        {
            var transition = net.Transitions[i];
            string id = "t" + i.ToString(CultureInfo.InvariantCulture);
            ids.Add(transition.Id, id);
            sb.Append("  ").Append(id);
            if (transition.Label is { } label)
                sb.Append(" [shape=box, label=").Append(Quote(label));
            else
                sb.Append(" [shape=box, style=filled, fillcolor=\"#000000\", width=0.15, height=0.4, label=\"\"");
            sb.Append(", tooltip=").Append(Quote(transition.Id)).Append("];\n");
        }

        foreach (var arc in net.Arcs)
            sb.Append("  ").Append(ids[arc.SourceId]).Append(" -> ").Append(ids[arc.TargetId]).Append(";\n");

        sb.Append("}\n");
        output.Write(sb.ToString());
    }

    /// <summary>
    /// A double-quoted DOT string showing <paramref name="text"/> literally: quotes and backslashes escaped, line
    /// breaks as DOT's <c>\n</c>, other control characters as spaces.
    /// </summary>
    public static string Quote(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Quote([text]);
    }

    private static string Quote(IEnumerable<string> lines)
    {
        var sb = new StringBuilder("\"");
        bool first = true;
        foreach (var line in lines)
        {
            if (!first)
                sb.Append("\\n");
            first = false;
            AppendEscaped(sb, line);
        }
        return sb.Append('"').ToString();
    }

    private static void AppendEscaped(StringBuilder sb, string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            switch (c)
            {
                case '"':
                    sb.Append("\\\"");
                    break;
                case '\\':
                    sb.Append("\\\\");
                    break;
                case '\r':
                    sb.Append("\\n");
                    if (i + 1 < text.Length && text[i + 1] == '\n')
                        i++;
                    break;
                case '\n':
                    sb.Append("\\n");
                    break;
                default:
                    sb.Append(char.IsControl(c) ? ' ' : c);
                    break;
            }
        }
    }

    private static string DescribeBindings(IReadOnlyList<IReadOnlyList<string>> bindings) =>
        string.Join(" | ", bindings
            .Select(b => string.Join(" & ", b.Order(StringComparer.Ordinal)))
            .Order(StringComparer.Ordinal));
}
