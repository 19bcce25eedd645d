using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace HeuristicsBench.EventLogs;

/// <summary>
/// The stream event's JSON form, compatible with the reference paper's miner:
/// <c>{"schema":1,"timestamp":"yyyy-MM-dd HH:mm:ss","activity":..,"caseid":..,"node":..,"group":..,
/// "timestampMs":unix-ms,"eventId":..,"seq":..,"last":bool,"modelVersion":..,"emittedAt":"ISO 8601"}</c>.
/// The paper's own events (no "schema") parse too; only caseid and activity are required.
/// </summary>
public static class StreamEventJson
{
    public const int SchemaVersion = 1;
    private const string PaperTimestampFormat = "yyyy-MM-dd HH:mm:ss";

    public static void Write(StreamEvent e, Utf8JsonWriter json)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(json);
        json.WriteStartObject();
        json.WriteNumber("schema", SchemaVersion);
        Span<char> timestamp = stackalloc char[19];
        e.Timestamp.UtcDateTime.TryFormat(timestamp, out var length, PaperTimestampFormat, CultureInfo.InvariantCulture);
        json.WriteString("timestamp", timestamp[..length]);
        json.WriteString("activity", e.Activity);
        json.WriteString("caseid", e.CaseId);
        json.WriteString("node", e.Node);
        json.WriteString("group", e.Group);
        json.WriteNumber("timestampMs", e.Timestamp.ToUnixTimeMilliseconds());
        json.WriteNumber("eventId", e.EventId);
        json.WriteNumber("seq", e.Sequence);
        json.WriteBoolean("last", e.LastInCase);
        json.WriteNumber("modelVersion", e.ModelVersion);
        if (e.EmittedAt is { } emitted)
            json.WriteString("emittedAt", emitted);
        json.WriteEndObject();
    }

    public static byte[] ToUtf8(StreamEvent e)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer))
            Write(e, json);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Parses one event; on failure returns false with a one-line reason (for a dead-letter header).</summary>
    public static bool TryParse(ReadOnlySpan<byte> utf8, out StreamEvent? streamEvent, out string? error)
    {
        streamEvent = null;
        try
        {
            using var doc = JsonDocument.Parse(utf8.ToArray());
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return Fail("not a JSON object", out error);
            if (root.TryGetProperty("schema", out var schema) &&
                (schema.ValueKind != JsonValueKind.Number || !schema.TryGetInt32(out var version) || version != SchemaVersion))
                return Fail($"unknown schema version {schema.GetRawText()} (this build reads {SchemaVersion})", out error);
            var caseId = Text(root, "caseid");
            var activity = Text(root, "activity");
            if (string.IsNullOrWhiteSpace(caseId))
                return Fail("missing or empty caseid", out error);
            if (string.IsNullOrWhiteSpace(activity))
                return Fail("missing or empty activity", out error);
            var timestamp = DateTimeOffset.UnixEpoch;
            if (root.TryGetProperty("timestampMs", out var ms) && ms.ValueKind == JsonValueKind.Number)
            {
                if (!ms.TryGetInt64(out var unixMs) || unixMs < MinUnixMs || unixMs > MaxUnixMs)
                    return Fail($"timestampMs {ms.GetRawText()} is out of range", out error);
                timestamp = DateTimeOffset.FromUnixTimeMilliseconds(unixMs);
            }
            else if (Text(root, "timestamp") is { } text && !TimestampParser.TryParse(text, out timestamp))
                return Fail($"unparseable timestamp '{text}'", out error);
            DateTimeOffset? emittedAt = root.TryGetProperty("emittedAt", out var emitted) && emitted.ValueKind == JsonValueKind.String &&
                emitted.TryGetDateTimeOffset(out var at) ? at : null;
            if (!TryNumber(root, "eventId", long.MaxValue, out var eventId) || !TryNumber(root, "seq", int.MaxValue, out var seq) ||
                !TryNumber(root, "modelVersion", int.MaxValue, out var modelVersion))
                return Fail("eventId, seq or modelVersion is not a whole number in range", out error);
            streamEvent = new StreamEvent(caseId, activity, timestamp, eventId, (int)seq,
                root.TryGetProperty("last", out var last) && last.ValueKind == JsonValueKind.True,
                (int)modelVersion, Text(root, "node") ?? "", Text(root, "group") ?? "", emittedAt);
            error = null;
            return true;
        }
        catch (JsonException e)
        {
            return Fail($"not JSON: {e.Message}", out error);
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static readonly long MinUnixMs = DateTimeOffset.MinValue.ToUnixTimeMilliseconds();
    private static readonly long MaxUnixMs = DateTimeOffset.MaxValue.ToUnixTimeMilliseconds();

    /// <summary>An optional non-negative whole number (absent or null = 0); false when present but not one.</summary>
    private static bool TryNumber(JsonElement root, string name, long max, out long value)
    {
        value = 0;
        if (!root.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
            return true;
        return element.ValueKind == JsonValueKind.Number && element.TryGetInt64(out value) && value >= 0 && value <= max;
    }

    private static bool Fail(string reason, out string? error)
    {
        error = reason;
        return false;
    }
}
