using HeuristicsMiner.Algorithm.Summaries;

namespace HeuristicsMiner.Algorithm.Model;

/// <summary>
/// Builds the heuristics net from a summary's counts (|a&gt;b| is the frequency of (a,b) in D_R, 0 if absent):
/// <list type="number">
/// <item>Self loops: a-&gt;a kept iff |a&gt;a| ≥ P and a=&gt;a ≥ dependency threshold.</item>
/// <item>Length-two loops: for a ≠ b, neither with a kept self loop, kept iff |a&gt;&gt;b| + |b&gt;&gt;a| ≥ P and
/// a=&gt;2 b ≥ loop-two threshold; then arcs a-&gt;b and b-&gt;a are added (dependency = a=&gt;2 b).</item>
/// <item>Other arcs: a-&gt;b kept iff |a&gt;b| ≥ P and a=&gt;b ≥ dependency threshold and, only when relative-to-best R
/// is given, a=&gt;b is within R of the best a=&gt;x or of the best y=&gt;b (over observed relations with |·| ≥ P).</item>
/// <item>Bindings: outputs b, c of a are in AND iff a=&gt;(b AND c) ≥ AND threshold (likewise for inputs); the
/// bindings are the maximal cliques of that relation, alternatives between cliques being XOR.</item>
/// <item>Nodes: the activities of D_A plus any arc endpoint pruned from D_A (with frequency 0).</item>
/// <item>Start activities: those without incoming arcs (self loops aside), plus — only while no case entry has
/// been evicted, since a re-entering case fakes a start — those seen as the first event of a case entry at
/// least P times; end activities: those without outgoing arcs (self loops aside). A stream has no case-end
/// signal, so ends come from the graph.</item>
/// </list>
/// The "all activities connected" heuristic is not applied.
/// </summary>
public static class HeuristicsNetBuilder
{
    public static HeuristicsNet Build(SummaryCounts counts, ModelThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(thresholds);
        thresholds.Validate();

        var follows = counts.Relations.ToDictionary(r => (r.From, r.To), r => r.Frequency);
        long Follows(string a, string b) => follows.GetValueOrDefault((a, b));
        var arcs = new Dictionary<(string From, string To), DependencyArc>();
        var p = thresholds.PositiveObservations;

        var selfLoops = new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in counts.Relations.Where(r => r.From == r.To))
        {
            var dependency = DependencyMeasures.SelfLoop(r.Frequency);
            if (r.Frequency >= p && dependency >= thresholds.DependencyThreshold)
            {
                arcs[(r.From, r.To)] = new DependencyArc(r.From, r.To, r.Frequency, dependency);
                selfLoops.Add(r.From);
            }
        }

        var loops = LengthTwoLoops(counts, thresholds, selfLoops);
        foreach (var loop in loops)
        {
            arcs[(loop.A, loop.B)] = new DependencyArc(loop.A, loop.B, Follows(loop.A, loop.B), loop.Dependency);
            arcs[(loop.B, loop.A)] = new DependencyArc(loop.B, loop.A, Follows(loop.B, loop.A), loop.Dependency);
        }

        var observed = counts.Relations
            .Where(r => r.From != r.To && r.Frequency >= p)
            .Select(r => (r.From, r.To, r.Frequency, Dependency: DependencyMeasures.Dependency(r.Frequency, Follows(r.To, r.From))))
            .ToList();
        var bestOut = observed.GroupBy(r => r.From).ToDictionary(g => g.Key, g => g.Max(r => r.Dependency));
        var bestIn = observed.GroupBy(r => r.To).ToDictionary(g => g.Key, g => g.Max(r => r.Dependency));
        foreach (var r in observed)
        {
            if (r.Dependency < thresholds.DependencyThreshold || arcs.ContainsKey((r.From, r.To)))
                continue;
            if (thresholds.RelativeToBest is { } relative &&
                bestOut[r.From] - r.Dependency > relative && bestIn[r.To] - r.Dependency > relative)
                continue;
            arcs[(r.From, r.To)] = new DependencyArc(r.From, r.To, r.Frequency, r.Dependency);
        }

        var arcList = arcs.Values.ToArray();
        Array.Sort(arcList, (x, y) => CanonicalOrder.ComparePair(x.From, x.To, y.From, y.To));
        var outputs = Neighbours(arcList, a => a.From, a => a.To);
        var inputs = Neighbours(arcList, a => a.To, a => a.From);

        // An arc's endpoint can be missing from D_A (pruned while its relations survive); it is still a node,
        // with frequency 0, so the net is consistent and exportable.
        var frequencies = counts.Activities.ToDictionary(a => a.Name, a => a.Frequency, StringComparer.Ordinal);
        var names = frequencies.Keys.Concat(arcList.SelectMany(a => new[] { a.From, a.To }))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var nodes = names.Select(a =>
        {
            var outs = outputs.GetValueOrDefault(a, []);
            var ins = inputs.GetValueOrDefault(a, []);
            return new HeuristicsNode(
                a,
                frequencies.GetValueOrDefault(a),
                Bindings(ins, (b, c) => DependencyMeasures.And(Follows(b, c), Follows(c, b), Follows(b, a), Follows(c, a)), thresholds),
                Bindings(outs, (b, c) => DependencyMeasures.And(Follows(b, c), Follows(c, b), Follows(a, b), Follows(a, c)), thresholds));
        }).ToArray();

        // D_S is trusted only while no case entry was lost: a case that re-enters D_C fakes a start.
        var seenStarting = counts.CaseEvictions == 0
            ? counts.StartActivities.Where(s => s.Frequency >= p).Select(s => s.Name).ToHashSet(StringComparer.Ordinal)
            : [];
        var starts = names.Where(a => !inputs.ContainsKey(a) || seenStarting.Contains(a)).ToArray();
        var ends = names.Where(a => !outputs.ContainsKey(a)).ToArray();
        return new HeuristicsNet(nodes, arcList, loops, starts, ends);
    }

    private static LengthTwoLoop[] LengthTwoLoops(SummaryCounts counts, ModelThresholds thresholds, HashSet<string> selfLoops)
    {
        var patterns = counts.LoopPatterns.ToDictionary(r => (r.From, r.To), r => r.Frequency);
        var pairs = counts.LoopPatterns
            .Select(r => string.CompareOrdinal(r.From, r.To) < 0 ? (A: r.From, B: r.To) : (A: r.To, B: r.From))
            .Distinct()
            .Where(pair => !selfLoops.Contains(pair.A) && !selfLoops.Contains(pair.B));
        var loops = new List<LengthTwoLoop>();
        foreach (var (a, b) in pairs)
        {
            var aba = patterns.GetValueOrDefault((a, b));
            var bab = patterns.GetValueOrDefault((b, a));
            var dependency = DependencyMeasures.LoopTwo(aba, bab);
            if (aba + bab >= thresholds.PositiveObservations && dependency >= thresholds.LoopTwoThreshold)
                loops.Add(new LengthTwoLoop(a, b, aba + bab, dependency));
        }
        loops.Sort((x, y) => CanonicalOrder.ComparePair(x.A, x.B, y.A, y.B));
        return [.. loops];
    }

    /// <summary>Non-self neighbours per activity, ordinally sorted (arcs arrive sorted).</summary>
    private static Dictionary<string, List<string>> Neighbours(
        DependencyArc[] arcs, Func<DependencyArc, string> key, Func<DependencyArc, string> value)
    {
        var result = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var arc in arcs.Where(a => a.From != a.To))
        {
            if (!result.TryGetValue(key(arc), out var list))
                result[key(arc)] = list = [];
            list.Add(value(arc));
        }
        foreach (var list in result.Values)
            list.Sort(StringComparer.Ordinal);
        return result;
    }

    private static IReadOnlyList<IReadOnlyList<string>> Bindings(
        List<string> neighbours, Func<string, string, double> andMeasure, ModelThresholds thresholds) =>
        neighbours.Count == 0
            ? []
            : MaximalCliques.Find(neighbours, (b, c) => andMeasure(b, c) >= thresholds.AndThreshold);
}
