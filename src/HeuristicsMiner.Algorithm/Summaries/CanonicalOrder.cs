namespace HeuristicsMiner.Algorithm.Summaries;

/// <summary>The one ordering used everywhere output is listed: ordinal by name, then by from and to.</summary>
public static class CanonicalOrder
{
    public static int Compare(CountEntry? x, CountEntry? y) => string.CompareOrdinal(x?.Name, y?.Name);

    public static int Compare(PairCountEntry? x, PairCountEntry? y) => ComparePair(x?.From, x?.To, y?.From, y?.To);

    public static int ComparePair(string? fromX, string? toX, string? fromY, string? toY)
    {
        var byFrom = string.CompareOrdinal(fromX, fromY);
        return byFrom != 0 ? byFrom : string.CompareOrdinal(toX, toY);
    }
}
