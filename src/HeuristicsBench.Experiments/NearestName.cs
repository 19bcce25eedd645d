namespace HeuristicsBench.Experiments;

/// <summary>"Did you mean" suggestions: the closest allowed name within a small edit distance.</summary>
internal static class NearestName
{
    public static string? Find(string given, IEnumerable<string> allowed)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var name in allowed)
        {
            var distance = Distance(given.ToUpperInvariant(), name.ToUpperInvariant());
            if (distance < bestDistance)
            {
                best = name;
                bestDistance = distance;
            }
        }
        return bestDistance <= Math.Max(1, given.Length / 3) ? best : null;
    }

    /// <summary>The suffix for an error message: <c> (did you mean 'x'?)</c>, or empty.</summary>
    public static string Hint(string given, IEnumerable<string> allowed) =>
        Find(given, allowed) is { } match ? $" (did you mean '{match}'?)" : string.Empty;

    /// <summary>Levenshtein distance (insert, delete, substitute).</summary>
    internal static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
            previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitute = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitute, Math.Min(previous[j], current[j - 1]) + 1);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
