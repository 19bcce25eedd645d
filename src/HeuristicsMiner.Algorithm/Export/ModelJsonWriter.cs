using System.Text.Json;
using HeuristicsMiner.Algorithm.Model;
using HeuristicsMiner.Algorithm.Summaries;

namespace HeuristicsMiner.Algorithm.Export;

/// <summary>
/// Writes a <see cref="MinedModel"/> as the project's model JSON: the issue-2 fields first
/// (eventsProcessed, epsilon, bucketWidth, currentBucket, activities, relations, cases, arcs), then the rest
/// of the state and net. Lists are in canonical order; numbers round-trip exactly.
/// </summary>
public static class ModelJsonWriter
{
    public static void Write(MinedModel model, Stream output, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = indented });
        Write(model, json);
    }

    public static byte[] ToBytes(MinedModel model, bool indented = false)
    {
        using var buffer = new MemoryStream();
        Write(model, buffer, indented);
        return buffer.ToArray();
    }

    public static void Write(MinedModel model, Utf8JsonWriter json) => Write(model, json, extraProperties: null);

    /// <summary>Writes the model object; <paramref name="extraProperties"/> adds properties (e.g. the streaming
    /// service's offsets) after the model's own, inside the same object.</summary>
    public static void Write(MinedModel model, Utf8JsonWriter json, Action<Utf8JsonWriter>? extraProperties)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(json);
        var c = model.Counts;
        var follows = c.Relations.ToDictionary(r => (r.From, r.To), r => r.Frequency);
        json.WriteStartObject();
        json.WriteNumber("eventsProcessed", c.EventsProcessed);
        json.WriteNumber("epsilon", c.Epsilon);
        json.WriteNumber("bucketWidth", c.BucketWidth);
        json.WriteNumber("currentBucket", c.CurrentBucket);
        json.WriteString("variant", ModelJson.VariantCode(c.Variant));
        if (c.Budget is { } budget)
            json.WriteNumber("budget", budget);
        if (c.WindowSize is { } window)
            json.WriteNumber("windowSize", window);
        json.WriteNumber("maxMissedCount", c.MaxMissedCount);

        json.WriteStartArray("activities");
        foreach (var a in c.Activities)
            WriteCount(json, a);
        json.WriteEndArray();

        json.WriteStartArray("relations");
        foreach (var r in c.Relations)
        {
            var dependency = r.From == r.To
                ? DependencyMeasures.SelfLoop(r.Frequency)
                : DependencyMeasures.Dependency(r.Frequency, follows.GetValueOrDefault((r.To, r.From)));
            WritePair(json, r, dependency);
        }
        json.WriteEndArray();

        json.WriteNumber("cases", c.Cases);
        json.WriteNumber("caseEvictions", c.CaseEvictions);

        json.WriteStartArray("arcs");
        foreach (var arc in model.Net.Arcs)
        {
            json.WriteStartObject();
            json.WriteString("from", arc.From);
            json.WriteString("to", arc.To);
            json.WriteNumber("frequency", arc.Frequency);
            json.WriteNumber("dependency", arc.Dependency);
            json.WriteEndObject();
        }
        json.WriteEndArray();

        json.WriteStartArray("loopPatterns");
        foreach (var r in c.LoopPatterns)
            WritePair(json, r, dependency: null);
        json.WriteEndArray();

        json.WriteStartArray("startCounts");
        foreach (var s in c.StartActivities)
            WriteCount(json, s);
        json.WriteEndArray();

        var t = model.Thresholds;
        json.WriteStartObject("thresholds");
        json.WriteNumber("dependency", t.DependencyThreshold);
        json.WriteNumber("positiveObservations", t.PositiveObservations);
        json.WriteNumber("and", t.AndThreshold);
        json.WriteNumber("loopTwo", t.LoopTwoThreshold);
        if (t.RelativeToBest is { } relative)
            json.WriteNumber("relativeToBest", relative);
        else
            json.WriteNull("relativeToBest");
        json.WriteEndObject();

        json.WriteStartArray("lengthTwoLoops");
        foreach (var loop in model.Net.LengthTwoLoops)
        {
            json.WriteStartObject();
            json.WriteString("a", loop.A);
            json.WriteString("b", loop.B);
            json.WriteNumber("frequency", loop.Frequency);
            json.WriteNumber("dependency", loop.Dependency);
            json.WriteEndObject();
        }
        json.WriteEndArray();

        WriteNames(json, "startActivities", model.Net.StartActivities);
        WriteNames(json, "endActivities", model.Net.EndActivities);

        json.WriteStartArray("nodes");
        foreach (var node in model.Net.Nodes)
        {
            json.WriteStartObject();
            json.WriteString("name", node.Name);
            json.WriteNumber("frequency", node.Frequency);
            WriteBindings(json, "inputBindings", node.InputBindings);
            WriteBindings(json, "outputBindings", node.OutputBindings);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        extraProperties?.Invoke(json);
        json.WriteEndObject();
    }

    private static void WriteCount(Utf8JsonWriter json, CountEntry entry)
    {
        json.WriteStartObject();
        json.WriteString("name", entry.Name);
        json.WriteNumber("frequency", entry.Frequency);
        json.WriteNumber("delta", entry.Delta);
        json.WriteEndObject();
    }

    private static void WritePair(Utf8JsonWriter json, PairCountEntry entry, double? dependency)
    {
        json.WriteStartObject();
        json.WriteString("from", entry.From);
        json.WriteString("to", entry.To);
        json.WriteNumber("frequency", entry.Frequency);
        json.WriteNumber("delta", entry.Delta);
        if (dependency is { } d)
            json.WriteNumber("dependency", d);
        json.WriteEndObject();
    }

    private static void WriteNames(Utf8JsonWriter json, string property, IReadOnlyList<string> names)
    {
        json.WriteStartArray(property);
        foreach (var name in names)
            json.WriteStringValue(name);
        json.WriteEndArray();
    }

    private static void WriteBindings(Utf8JsonWriter json, string property, IReadOnlyList<IReadOnlyList<string>> bindings)
    {
        json.WriteStartArray(property);
        foreach (var binding in bindings)
        {
            json.WriteStartArray();
            foreach (var name in binding)
                json.WriteStringValue(name);
            json.WriteEndArray();
        }
        json.WriteEndArray();
    }
}
