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
                ModelJson.ParseVariant(Get(root, "variant").GetString()),
                Get(root, "eventsProcessed").GetInt64(),
                Get(root, "epsilon").GetDouble(),
                Get(root, "bucketWidth").GetInt64(),
                Get(root, "currentBucket").GetInt64(),
                root.TryGetProperty("budget", out var budget) ? budget.GetInt64() : null,
                root.TryGetProperty("windowSize", out var window) ? window.GetInt64() : null,
                Get(root, "maxMissedCount").GetInt64(),
                Get(root, "cases").GetInt64(),
                Get(root, "caseEvictions").GetInt64(),
                Counts(Get(root, "activities")),
                Pairs(Get(root, "relations")),
                Pairs(Get(root, "loopPatterns")),
                Counts(Get(root, "startCounts")));
            var t = Get(root, "thresholds");
            var relative = Get(t, "relativeToBest");
            var thresholds = new ModelThresholds(
                Get(t, "dependency").GetDouble(),
                Get(t, "positiveObservations").GetInt64(),
                Get(t, "and").GetDouble(),
                Get(t, "loopTwo").GetDouble(),
                relative.ValueKind == JsonValueKind.Null ? null : relative.GetDouble());
            var net = new HeuristicsNet(
                [.. Get(root, "nodes").EnumerateArray().Select(n => new HeuristicsNode(
                    Get(n, "name").GetString()!,
                    Get(n, "frequency").GetInt64(),
                    Bindings(Get(n, "inputBindings")),
                    Bindings(Get(n, "outputBindings"))))],
                [.. Get(root, "arcs").EnumerateArray().Select(a => new DependencyArc(
                    Get(a, "from").GetString()!, Get(a, "to").GetString()!,
                    Get(a, "frequency").GetInt64(), Get(a, "dependency").GetDouble()))],
                [.. Get(root, "lengthTwoLoops").EnumerateArray().Select(l => new LengthTwoLoop(
                    Get(l, "a").GetString()!, Get(l, "b").GetString()!,
                    Get(l, "frequency").GetInt64(), Get(l, "dependency").GetDouble()))],
                Names(Get(root, "startActivities")),
                Names(Get(root, "endActivities")));
            return new MinedModel(counts, thresholds, net);
        }
        catch (InvalidOperationException e)
        {
            throw new FormatException($"not a model JSON document: {e.Message}", e);
        }
    }

    private static JsonElement Get(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value)
            ? value
            : throw new FormatException($"model JSON lacks property '{property}'");

    private static CountEntry[] Counts(JsonElement array) =>
        [.. array.EnumerateArray().Select(e => new CountEntry(
            Get(e, "name").GetString()!, Get(e, "frequency").GetInt64(), Get(e, "delta").GetInt64()))];

    private static PairCountEntry[] Pairs(JsonElement array) =>
        [.. array.EnumerateArray().Select(e => new PairCountEntry(
            Get(e, "from").GetString()!, Get(e, "to").GetString()!,
            Get(e, "frequency").GetInt64(), Get(e, "delta").GetInt64()))];

    private static string[] Names(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];

    private static IReadOnlyList<string>[] Bindings(JsonElement array) =>
        [.. array.EnumerateArray().Select(b => (IReadOnlyList<string>)Names(b))];
}
