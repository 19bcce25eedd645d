using System.Text.Json;
using HeuristicsMiner.Algorithm.Model;
using HeuristicsMiner.Algorithm.Summaries;

namespace HeuristicsMiner.Algorithm.Export;

/// <summary>
/// Reads the model JSON written by <see cref="ModelJsonWriter"/> back into a <see cref="MinedModel"/>
/// (derived values such as relation dependencies are recomputed, not read). A malformed document throws
/// <see cref="FormatException"/> naming the property at fault.
/// </summary>
public static class ModelJsonReader
{
    public static MinedModel Read(Stream input)
    {
        using var document = JsonDocument.Parse(input);
        return Read(document.RootElement);
    }

    public static MinedModel Read(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8);
        using var document = JsonDocument.ParseValue(ref reader);
        return Read(document.RootElement);
    }

    public static MinedModel Read(JsonElement root)
    {
        try
        {
            var counts = new SummaryCounts(
                ModelJson.ParseVariant(root.GetProperty("variant").GetString()),
                root.GetProperty("eventsProcessed").GetInt64(),
                root.GetProperty("epsilon").GetDouble(),
                root.GetProperty("bucketWidth").GetInt64(),
                root.GetProperty("currentBucket").GetInt64(),
                root.TryGetProperty("budget", out var budget) ? budget.GetInt64() : null,
                root.TryGetProperty("windowSize", out var window) ? window.GetInt64() : null,
                root.GetProperty("maxMissedCount").GetInt64(),
                root.GetProperty("cases").GetInt64(),
                Counts(root.GetProperty("activities")),
                Pairs(root.GetProperty("relations")),
                Pairs(root.GetProperty("loopPatterns")),
                Counts(root.GetProperty("startCounts")));
            var t = root.GetProperty("thresholds");
            var relative = t.GetProperty("relativeToBest");
            var thresholds = new ModelThresholds(
                t.GetProperty("dependency").GetDouble(),
                t.GetProperty("positiveObservations").GetInt64(),
                t.GetProperty("and").GetDouble(),
                t.GetProperty("loopTwo").GetDouble(),
                relative.ValueKind == JsonValueKind.Null ? null : relative.GetDouble());
            var net = new HeuristicsNet(
                [.. root.GetProperty("nodes").EnumerateArray().Select(n => new HeuristicsNode(
                    n.GetProperty("name").GetString()!,
                    n.GetProperty("frequency").GetInt64(),
                    Bindings(n.GetProperty("inputBindings")),
                    Bindings(n.GetProperty("outputBindings"))))],
                [.. root.GetProperty("arcs").EnumerateArray().Select(a => new DependencyArc(
                    a.GetProperty("from").GetString()!, a.GetProperty("to").GetString()!,
                    a.GetProperty("frequency").GetInt64(), a.GetProperty("dependency").GetDouble()))],
                [.. root.GetProperty("lengthTwoLoops").EnumerateArray().Select(l => new LengthTwoLoop(
                    l.GetProperty("a").GetString()!, l.GetProperty("b").GetString()!,
                    l.GetProperty("frequency").GetInt64(), l.GetProperty("dependency").GetDouble()))],
                Names(root.GetProperty("startActivities")),
                Names(root.GetProperty("endActivities")));
            return new MinedModel(counts, thresholds, net);
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException)
        {
            throw new FormatException($"not a model JSON document: {e.Message}", e);
        }
    }

    private static CountEntry[] Counts(JsonElement array) =>
        [.. array.EnumerateArray().Select(e => new CountEntry(
            e.GetProperty("name").GetString()!, e.GetProperty("frequency").GetInt64(), e.GetProperty("delta").GetInt64()))];

    private static PairCountEntry[] Pairs(JsonElement array) =>
        [.. array.EnumerateArray().Select(e => new PairCountEntry(
            e.GetProperty("from").GetString()!, e.GetProperty("to").GetString()!,
            e.GetProperty("frequency").GetInt64(), e.GetProperty("delta").GetInt64()))];

    private static string[] Names(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];

    private static IReadOnlyList<string>[] Bindings(JsonElement array) =>
        [.. array.EnumerateArray().Select(b => (IReadOnlyList<string>)Names(b))];
}
