using CsCheck;
using HeuristicsMiner.Algorithm.Summaries;

namespace HeuristicsMiner.Tests.Algorithm;

/// <summary>Generators of random (case, activity) streams for property tests.</summary>
internal static class RandomStreams
{
    /// <summary>Streams over up to <paramref name="maxCases"/> cases and <paramref name="maxActivities"/> activities.</summary>
    public static Gen<(string Case, string Activity)[]> Of(int maxCases, int maxActivities, int maxLength) =>
        from cases in Gen.Int[1, maxCases]
        from activities in Gen.Int[1, maxActivities]
        from events in Gen.Select(Gen.Int[0, cases - 1], Gen.Int[0, activities - 1]).Array[0, maxLength]
        select events.Select(e => ($"c{e.Item1}", $"a{e.Item2}")).ToArray();

    public static Gen<double> Epsilons { get; } = Gen.OneOf(0.5, 0.25, 0.1, 0.05, 0.02);

    public static LossyCountingSummary Exact(IEnumerable<(string Case, string Activity)> events) =>
        Feed.All(new LossyCountingSummary(0), events);

    public static Dictionary<string, long> ByName(IEnumerable<CountEntry> entries) =>
        entries.ToDictionary(e => e.Name, e => e.Frequency);

    public static Dictionary<(string, string), long> ByPair(IEnumerable<PairCountEntry> entries) =>
        entries.ToDictionary(e => (e.From, e.To), e => e.Frequency);
}
