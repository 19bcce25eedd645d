using HeuristicsBench.Workloads.ProcessTrees;

namespace HeuristicsBench.Workloads.Tests.ProcessTrees;

/// <summary>
/// A deliberately naive reference semantics for tests: every trace of a tree up to a length, by plain set
/// operations on strings (one char per activity, so only for trees with one-letter labels).
/// </summary>
internal static class BoundedLanguage
{
    public static HashSet<string> Traces(ProcessTreeNode node, int maxLength)
    {
        switch (node)
        {
            case ActivityLeaf leaf:
                Assert.Equal(1, leaf.Label.Length);
                return maxLength >= 1 ? [leaf.Label] : [];
            case SilentLeaf:
                return [""];
            case ChoiceNode:
                return [.. node.Children.SelectMany(c => Traces(c, maxLength))];
            case SequenceNode:
                return node.Children.Select(c => Traces(c, maxLength)).Aggregate((x, y) => Concat(x, y, maxLength));
            case ParallelNode:
                return node.Children.Select(c => Traces(c, maxLength)).Aggregate((x, y) => Shuffle(x, y, maxLength));
            case LoopNode loop:
                var body = Traces(loop.Do, maxLength);
                var redoBody = Concat(Traces(loop.Redo, maxLength), body, maxLength);
                var all = new HashSet<string>(body);
                var frontier = new HashSet<string>(body);
                while (frontier.Count > 0)
                {
                    frontier = [.. Concat(frontier, redoBody, maxLength).Where(all.Add)];
                }
                return all;
            default:
                throw new NotSupportedException();
        }
    }

    private static HashSet<string> Concat(HashSet<string> x, HashSet<string> y, int maxLength) =>
        [.. x.SelectMany(u => y.Where(v => u.Length + v.Length <= maxLength).Select(v => u + v))];

    private static HashSet<string> Shuffle(HashSet<string> x, HashSet<string> y, int maxLength)
    {
        var result = new HashSet<string>();
        foreach (var u in x)
        {
            foreach (var v in y)
            {
                if (u.Length + v.Length <= maxLength)
                    Interleave(u, v, "", result);
            }
        }
        return result;
    }

    private static void Interleave(string u, string v, string prefix, HashSet<string> result)
    {
        if (u.Length == 0 || v.Length == 0)
        {
            result.Add(prefix + u + v);
            return;
        }
        Interleave(u[1..], v, prefix + u[0], result);
        Interleave(u, v[1..], prefix + v[0], result);
    }

    /// <summary>Every word over <paramref name="alphabet"/> of length 0 to <paramref name="maxLength"/>.</summary>
    public static IEnumerable<string> Words(IReadOnlyList<string> alphabet, int maxLength)
    {
        var current = new List<string> { "" };
        for (var length = 0; length <= maxLength; length++)
        {
            foreach (var w in current)
                yield return w;
            current = [.. current.SelectMany(w => alphabet.Select(a => w + a))];
        }
    }
}
