using System.Text.Json;
using CsCheck;
using HeuristicsMiner.Algorithm.Export;
using HeuristicsMiner.Algorithm.Model;
using HeuristicsMiner.Algorithm.Summaries;

namespace HeuristicsMiner.Tests.Algorithm;

public class ModelJsonTests
{
    private static readonly ModelThresholds Loose = new(DependencyThreshold: 0.5, PositiveObservations: 1, LoopTwoThreshold: 0.5);

    [Fact]
    public void Document_has_the_issue_fields_in_order_with_the_hand_computed_values()
    {
        var counts = Feed.All(new LossyCountingSummary(0.25), Feed.Parse("1:a 1:b 2:a 1:a 2:b 1:b 2:c 1:c")).GetCounts();
        var json = ModelJsonWriter.ToBytes(MinedModel.From(counts, Loose));
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;

        var names = root.EnumerateObject().Select(p => p.Name).ToArray();
        Assert.Equal(["eventsProcessed", "epsilon", "bucketWidth", "currentBucket"], names[..4]);
        Assert.True(Array.IndexOf(names, "activities") < Array.IndexOf(names, "relations"));
        Assert.True(Array.IndexOf(names, "relations") < Array.IndexOf(names, "cases"));
        Assert.True(Array.IndexOf(names, "cases") < Array.IndexOf(names, "arcs"));
        Assert.Equal(8, root.GetProperty("eventsProcessed").GetInt64());
        Assert.Equal(0.25, root.GetProperty("epsilon").GetDouble());
        Assert.Equal(4, root.GetProperty("bucketWidth").GetInt64());
        Assert.Equal(2, root.GetProperty("currentBucket").GetInt64());
        Assert.Equal(2, root.GetProperty("cases").GetInt64());
        var relation = Assert.Single(root.GetProperty("relations").EnumerateArray());
        Assert.Equal("""{"from":"b","to":"c","frequency":2,"delta":1,"dependency":0.6666666666666666}""", relation.GetRawText());
        var activities = root.GetProperty("activities").EnumerateArray().Select(a => a.GetRawText()).ToArray();
        Assert.Equal("""{"name":"b","frequency":2,"delta":1}""", activities[1]);
        var arc = Assert.Single(root.GetProperty("arcs").EnumerateArray());
        Assert.Equal("""{"from":"b","to":"c","frequency":2,"dependency":0.6666666666666666}""", arc.GetRawText());
    }

    [Fact]
    public void Writing_what_was_read_gives_the_same_bytes()
    {
        Gen.Select(RandomStreams.Of(5, 6, 300), RandomStreams.Epsilons, Gen.Double[0, 1]).Sample((stream, epsilon, relative) =>
        {
            var thresholds = Loose with { RelativeToBest = relative < 0.5 ? null : relative };
            var model = MinedModel.From(Feed.All(new LossyCountingSummary(epsilon), stream).GetCounts(), thresholds);
            var bytes = ModelJsonWriter.ToBytes(model);
            var again = ModelJsonReader.Read(bytes);
            Assert.Equal(bytes, ModelJsonWriter.ToBytes(again));
            Assert.Equal(SnapshotProperties.Describe(model.Counts), SnapshotProperties.Describe(again.Counts));
            Assert.Equal(bytes, ModelJsonWriter.ToBytes(MinedModel.From(again.Counts, again.Thresholds)));
        }, iter: 100);
    }

    [Fact]
    public void A_document_missing_a_field_is_rejected_naming_it()
    {
        var ex = Assert.Throws<FormatException>(() => ModelJsonReader.Read("""{"variant":"lc"}"""u8));
        Assert.Contains("eventsProcessed", ex.Message, StringComparison.Ordinal);
    }
}
