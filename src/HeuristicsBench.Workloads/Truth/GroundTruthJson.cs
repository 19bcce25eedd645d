using System.Text.Json;
using HeuristicsBench.Workloads.Models;

namespace HeuristicsBench.Workloads.Truth;

/// <summary>
/// The ground-truth file: <c>{"totalEvents":N,"seed":S,"segments":[{"fromEvent","toEvent","modelVersions":[..],
/// "models":[..],"activities":[..],"relations":[{"from","to"}],"startActivities":[..],"endActivities":[..]}]}</c>.
/// </summary>
public static class GroundTruthJson
{
    public static void Write(IReadOnlyList<TruthSegment> segments, long totalEvents, ulong seed, Stream output)
    {
        ArgumentNullException.ThrowIfNull(segments);
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteNumber("totalEvents", totalEvents);
        json.WriteNumber("seed", seed);
        json.WriteStartArray("segments");
        foreach (var s in segments)
        {
            json.WriteStartObject();
            json.WriteNumber("fromEvent", s.FromEvent);
            json.WriteNumber("toEvent", s.ToEvent);
            json.WriteStartArray("modelVersions");
            foreach (var v in s.ModelVersions)
                json.WriteNumberValue(v);
            json.WriteEndArray();
            Names(json, "models", s.Models);
            Names(json, "activities", s.Truth.Activities);
            json.WriteStartArray("relations");
            foreach (var r in s.Truth.Relations)
            {
                json.WriteStartObject();
                json.WriteString("from", r.From);
                json.WriteString("to", r.To);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            Names(json, "startActivities", s.Truth.StartActivities);
            Names(json, "endActivities", s.Truth.EndActivities);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    public static IReadOnlyList<TruthSegment> Read(Stream input)
    {
        using var doc = JsonDocument.Parse(input);
        try
        {
            return [.. doc.RootElement.GetProperty("segments").EnumerateArray().Select(s => new TruthSegment(
                s.GetProperty("fromEvent").GetInt64(),
                s.GetProperty("toEvent").GetInt64(),
                [.. s.GetProperty("modelVersions").EnumerateArray().Select(v => v.GetInt32())],
                Strings(s.GetProperty("models")),
                new GroundTruth(
                    Strings(s.GetProperty("activities")),
                    [.. s.GetProperty("relations").EnumerateArray().Select(r => new CausalRelation(
                        r.GetProperty("from").GetString()!, r.GetProperty("to").GetString()!))],
                    Strings(s.GetProperty("startActivities")),
                    Strings(s.GetProperty("endActivities")))))];
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException)
        {
            throw new FormatException($"not a ground-truth document: {e.Message}", e);
        }
    }

    private static string[] Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];

    private static void Names(Utf8JsonWriter json, string property, IReadOnlyList<string> names)
    {
        json.WriteStartArray(property);
        foreach (var n in names)
            json.WriteStringValue(n);
        json.WriteEndArray();
    }
}
