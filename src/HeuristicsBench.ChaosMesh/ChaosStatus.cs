using System.Globalization;
using System.Text.Json.Nodes;

namespace HeuristicsBench.ChaosMesh;

/// <summary>
/// Reads what Chaos Mesh reports in an object's status: the conditions (<c>Selected</c>, <c>AllInjected</c>,
/// <c>AllRecovered</c>, <c>Paused</c>; each <c>{type, status, reason}</c>), the newest injection event time in the
/// records, and a Schedule's <c>active</c> children.
/// </summary>
public static class ChaosStatus
{
    /// <summary>True/False as reported, null when the condition is not (yet) there.</summary>
    public static bool? Condition(JsonObject chaos, string type)
    {
        ArgumentNullException.ThrowIfNull(chaos);
        if (chaos["status"]?["conditions"] is not JsonArray conditions)
            return null;
        foreach (var c in conditions.OfType<JsonObject>())
        {
            if (Text(c["type"]) == type)
                return string.Equals(Text(c["status"]), "True", StringComparison.OrdinalIgnoreCase);
        }
        return null;
    }

    /// <summary>The conditions as text for messages: <c>Selected=True AllInjected=False</c>.</summary>
    public static string Describe(JsonObject chaos)
    {
        ArgumentNullException.ThrowIfNull(chaos);
        if (chaos["status"]?["conditions"] is not JsonArray conditions || conditions.Count == 0)
            return "no conditions reported";
        return string.Join(' ', conditions.OfType<JsonObject>().Select(c =>
            $"{Text(c["type"])}={Text(c["status"])}" + (Text(c["reason"]) is { Length: > 0 } r ? $" ({r})" : "")));
    }

    /// <summary>
    /// The newest time an <c>Apply</c> succeeded in <c>status.experiment.containerRecords[].events</c>, if Chaos Mesh
    /// recorded one (conditions carry no time in v2.7).
    /// </summary>
    public static DateTimeOffset? LastApplied(JsonObject chaos)
    {
        ArgumentNullException.ThrowIfNull(chaos);
        if (chaos["status"]?["experiment"]?["containerRecords"] is not JsonArray records)
            return null;
        DateTimeOffset? newest = null;
        foreach (var e in records.OfType<JsonObject>().Select(r => r["events"]).OfType<JsonArray>().SelectMany(a => a.OfType<JsonObject>()))
        {
            if (Text(e["operation"]) == "Apply" && Text(e["type"]) == "Succeeded"
                && DateTimeOffset.TryParse(Text(e["timestamp"]), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
                && (newest is null || at > newest))
            {
                newest = at;
            }
        }
        return newest;
    }

    /// <summary>The names of a Schedule's running children (<c>status.active[].name</c>).</summary>
    public static IReadOnlyList<string> Active(JsonObject schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return schedule["status"]?["active"] is JsonArray active
            ? [.. active.OfType<JsonObject>().Select(a => Text(a["name"])).OfType<string>()]
            : [];
    }

    /// <summary>Whether an object lists <paramref name="ownerUid"/> among its owner references.</summary>
    public static bool OwnedBy(JsonObject chaos, string ownerUid)
    {
        ArgumentNullException.ThrowIfNull(chaos);
        return chaos["metadata"]?["ownerReferences"] is JsonArray owners
            && owners.OfType<JsonObject>().Any(o => Text(o["uid"]) == ownerUid);
    }

    public static string? Name(JsonObject chaos) => Text(chaos?["metadata"]?["name"]);

    public static string? Uid(JsonObject chaos) => Text(chaos?["metadata"]?["uid"]);

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
