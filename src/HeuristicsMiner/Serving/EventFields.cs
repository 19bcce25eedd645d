using System.Text;
using System.Text.Json;
using HeuristicsBench.EventLogs;

namespace HeuristicsMiner.Serving;

/// <summary>
/// The lean parse of an input event on the service's hot path: one forward pass of <see cref="Utf8JsonReader"/> (so
/// malformed JSON is still refused), materializing only what the miner uses — <c>caseid</c>, <c>activity</c>, the
/// <c>schema</c> version and <c>emittedAt</c>. Other fields are skipped unread, so an event whose e.g. timestampMs is
/// out of range, which the full <see cref="StreamEventJson.TryParse"/> refuses, is still mined here.
/// </summary>
public static class EventFields
{
    private static ReadOnlySpan<byte> CaseId => "caseid"u8;
    private static ReadOnlySpan<byte> Activity => "activity"u8;
    private static ReadOnlySpan<byte> Schema => "schema"u8;
    private static ReadOnlySpan<byte> EmittedAt => "emittedAt"u8;

    /// <summary>Reads the fields; on failure returns false with a one-line reason (the dead-letter header).</summary>
    public static bool TryParse(ReadOnlySpan<byte> utf8, out string caseId, out string activity, out DateTimeOffset? emittedAt, out string? error)
    {
        caseId = activity = "";
        emittedAt = null;
        string? foundCase = null, foundActivity = null;
        try
        {
            var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                return Fail("not a JSON object", out error);
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals(CaseId))
                {
                    reader.Read();
                    if (reader.TokenType != JsonTokenType.String)
                        return Fail("caseid is not a string", out error);
                    foundCase = reader.GetString();
                }
                else if (reader.ValueTextEquals(Activity))
                {
                    reader.Read();
                    if (reader.TokenType != JsonTokenType.String)
                        return Fail("activity is not a string", out error);
                    foundActivity = reader.GetString();
                }
                else if (reader.ValueTextEquals(Schema))
                {
                    reader.Read();
                    if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt32(out var version) || version != StreamEventJson.SchemaVersion)
                        return Fail($"unknown schema version {Raw(ref reader)} (this build reads {StreamEventJson.SchemaVersion})", out error);
                }
                else if (reader.ValueTextEquals(EmittedAt))
                {
                    reader.Read();
                    emittedAt = reader.TokenType == JsonTokenType.String && reader.TryGetDateTimeOffset(out var at) ? at : null;
                    reader.Skip(); // an object or array here is stepped over, not read as top-level fields
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }
            if (reader.TokenType != JsonTokenType.EndObject)
                return Fail("not a JSON object", out error);
            reader.Read(); // throws on anything but whitespace after the object
        }
        catch (JsonException e)
        {
            return Fail($"not JSON: {e.Message}", out error);
        }
        catch (InvalidOperationException e)
        {
            // GetString on a string that is not valid UTF-8 ("Cannot transcode invalid UTF-8")
            return Fail($"not valid UTF-8 text: {e.Message}", out error);
        }
        if (string.IsNullOrWhiteSpace(foundCase))
            return Fail("missing or empty caseid", out error);
        if (string.IsNullOrWhiteSpace(foundActivity))
            return Fail("missing or empty activity", out error);
        caseId = foundCase;
        activity = foundActivity;
        error = null;
        return true;
    }

    /// <summary>The value as written (objects and arrays are named, not shown), for the reason text.</summary>
    private static string Raw(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => "\"" + reader.GetString() + "\"",
        JsonTokenType.StartObject => "(an object)",
        JsonTokenType.StartArray => "(an array)",
        _ => Encoding.UTF8.GetString(reader.ValueSpan),
    };

    private static bool Fail(string reason, out string? error)
    {
        error = reason;
        return false;
    }
}
