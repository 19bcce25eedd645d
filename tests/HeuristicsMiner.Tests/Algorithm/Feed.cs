using HeuristicsMiner.Algorithm.Summaries;

namespace HeuristicsMiner.Tests.Algorithm;

/// <summary>Helpers to push small streams into summaries and read their counts by name.</summary>
internal static class Feed
{
    public static T All<T>(T summary, IEnumerable<(string Case, string Activity)> events) where T : StreamSummary
    {
        foreach (var (c, a) in events)
            summary.Observe(c, a);
        return summary;
    }

    /// <summary>"1:a 1:b 2:a" → (1,a), (1,b), (2,a).</summary>
    public static (string Case, string Activity)[] Parse(string stream) =>
        [.. stream.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(t => t.Split(':')).Select(p => (p[0], p[1]))];

    public static string[] Table(IEnumerable<CountEntry> entries) =>
        [.. entries.Select(e => $"{e.Name}:{e.Frequency}/{e.Delta}")];

    public static string[] Table(IEnumerable<PairCountEntry> entries) =>
        [.. entries.Select(e => $"{e.From}>{e.To}:{e.Frequency}/{e.Delta}")];
}
