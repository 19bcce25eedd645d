using CsCheck;
using HeuristicsMiner.Algorithm.Summaries;

namespace HeuristicsMiner.Tests.Algorithm;

public class SnapshotProperties
{
    /// <summary>A summary factory per variant, each with a random parameter.</summary>
    private static readonly Gen<(string Name, Func<StreamSummary> Create)> Variants = Gen.OneOf(
        RandomStreams.Epsilons.Select(e => ($"lc ε={e}", (Func<StreamSummary>)(() => new LossyCountingSummary(e)))),
        Gen.Long[3, 40].Select(b => ($"lcb B={b}", (Func<StreamSummary>)(() => new LossyCountingBudgetSummary(b)))),
        Gen.Int[1, 30].Select(w => ($"sw W={w}", (Func<StreamSummary>)(() => new SlidingWindowSummary(w)))),
        Gen.Const(("exact", (Func<StreamSummary>)(() => new LossyCountingSummary(0)))));

    [Fact]
    public void Restoring_mid_stream_and_continuing_gives_the_same_bytes_as_never_stopping()
    {
        Gen.Select(RandomStreams.Of(6, 8, 400), Variants, Gen.Double[0, 1]).Sample((stream, variant, at) =>
        {
            var split = (int)(at * stream.Length);
            var uninterrupted = Feed.All(variant.Create(), stream);

            var first = Feed.All(variant.Create(), stream.Take(split));
            var snapshot = SummarySnapshot.ToBytes(first);
            var restored = Feed.All(SummarySnapshot.FromBytes(snapshot), stream.Skip(split));

            Assert.Equal(snapshot, SummarySnapshot.ToBytes(SummarySnapshot.FromBytes(snapshot)));
            Assert.Equal(SummarySnapshot.ToBytes(uninterrupted), SummarySnapshot.ToBytes(restored));
            Assert.Equal(Describe(uninterrupted.GetCounts()), Describe(restored.GetCounts()));
        }, iter: 300);
    }

    [Fact]
    public void Damaged_snapshots_are_rejected_with_a_reason()
    {
        var summary = Feed.All(new LossyCountingSummary(0.1), Feed.Parse("1:a 1:b 2:a 2:c"));
        var bytes = SummarySnapshot.ToBytes(summary);

        Assert.Contains("truncated", Assert.Throws<InvalidDataException>(() => SummarySnapshot.FromBytes(bytes[..^3])).Message);
        Assert.Contains("magic", Assert.Throws<InvalidDataException>(() => SummarySnapshot.FromBytes([.. "XXXX"u8, .. bytes[4..]])).Message);
        var future = (byte[])bytes.Clone();
        future[4] = 99;
        Assert.Contains("version 99", Assert.Throws<InvalidDataException>(() => SummarySnapshot.FromBytes(future)).Message);
        Assert.Contains("trailing", Assert.Throws<InvalidDataException>(() => SummarySnapshot.FromBytes([.. bytes, 0])).Message);
    }

    internal static string Describe(SummaryCounts c) =>
        string.Join(" | ", c.Variant, c.EventsProcessed, c.CurrentBucket, c.Cases, c.MaxMissedCount,
            string.Join(",", Feed.Table(c.Activities)), string.Join(",", Feed.Table(c.Relations)),
            string.Join(",", Feed.Table(c.LoopPatterns)), string.Join(",", Feed.Table(c.StartActivities)));
}
