namespace HeuristicsMiner.Algorithm.Model;

/// <summary>
/// Maximal cliques of a small undirected graph (Bron–Kerbosch with pivoting), used to group an activity's
/// inputs or outputs into AND bindings. Each clique is sorted ordinally, and so is the list of cliques.
/// </summary>
public static class MaximalCliques
{
    public static IReadOnlyList<IReadOnlyList<string>> Find(IReadOnlyList<string> vertices, Func<string, string, bool> adjacent)
    {
        ArgumentNullException.ThrowIfNull(vertices);
        ArgumentNullException.ThrowIfNull(adjacent);
        var neighbours = vertices.ToDictionary(
            v => v,
            v => vertices.Where(u => u != v && adjacent(v, u)).ToHashSet(StringComparer.Ordinal),
            StringComparer.Ordinal);
        var cliques = new List<IReadOnlyList<string>>();
        Expand([], [.. vertices], [], neighbours, cliques);
        foreach (var clique in cliques)
            ((string[])clique).AsSpan().Sort(StringComparer.Ordinal);
        cliques.Sort(CompareSequences);
        return cliques;
    }

    private static void Expand(List<string> current, HashSet<string> candidates, HashSet<string> excluded,
        Dictionary<string, HashSet<string>> neighbours, List<IReadOnlyList<string>> cliques)
    {
        if (candidates.Count == 0 && excluded.Count == 0)
        {
            cliques.Add(current.ToArray());
            return;
        }

        var pivot = candidates.Concat(excluded).MaxBy(v => neighbours[v].Count(candidates.Contains))!;
        foreach (var vertex in candidates.Where(v => !neighbours[pivot].Contains(v)).Order(StringComparer.Ordinal).ToList())
        {
            current.Add(vertex);
            Expand(current,
                candidates.Where(neighbours[vertex].Contains).ToHashSet(StringComparer.Ordinal),
                excluded.Where(neighbours[vertex].Contains).ToHashSet(StringComparer.Ordinal),
                neighbours, cliques);
            current.RemoveAt(current.Count - 1);
            candidates.Remove(vertex);
            excluded.Add(vertex);
        }
    }

    private static int CompareSequences(IReadOnlyList<string> x, IReadOnlyList<string> y)
    {
        for (var i = 0; i < Math.Min(x.Count, y.Count); i++)
        {
            var c = string.CompareOrdinal(x[i], y[i]);
            if (c != 0)
                return c;
        }
        return x.Count.CompareTo(y.Count);
    }
}
