using System.Globalization;
using System.Text.Json;

namespace LoadGenerator.Production;

/// <summary>
/// The last line <c>produce</c> prints on standard output, one JSON object, so a harness knows exactly what was
/// acknowledged: <c>{"status","topic","truthTopic","produced","firstEventId","lastEventId","unconfirmed","peakInFlight",
/// "maxInFlight","partitions":{"0":{"acked","lastOffset"},..},"elapsedSeconds","eventsPerSecond"[,"error"]}</c>.
/// Acknowledged events are the first <c>produced</c> events of the stream (ids firstEventId..lastEventId for a
/// generated stream); <c>unconfirmed</c> ones were handed to the producer without an answer and may or may not be in
/// the topic.
/// </summary>
public sealed record ProduceSummary(
    ProduceStatus Status,
    string Topic,
    string? TruthTopic,
    ProduceSnapshot Tally,
    int MaxInFlight,
    double ElapsedSeconds,
    string? Error)
{
    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("status", Status.ToString().ToLowerInvariant());
            json.WriteString("topic", Topic);
            if (TruthTopic is null)
                json.WriteNull("truthTopic");
            else
                json.WriteString("truthTopic", TruthTopic);
            json.WriteNumber("produced", Tally.Acked);
            WriteOptional(json, "firstEventId", Tally.FirstEventId);
            WriteOptional(json, "lastEventId", Tally.LastEventId);
            json.WriteNumber("unconfirmed", Tally.Unconfirmed);
            json.WriteNumber("peakInFlight", Tally.PeakInFlight);
            json.WriteNumber("maxInFlight", MaxInFlight);
            json.WriteStartObject("partitions");
            foreach (var (partition, (acked, lastOffset)) in Tally.Partitions.OrderBy(p => p.Key))
            {
                json.WriteStartObject(partition.ToString(CultureInfo.InvariantCulture));
                json.WriteNumber("acked", acked);
                json.WriteNumber("lastOffset", lastOffset);
                json.WriteEndObject();
            }
            json.WriteEndObject();
            json.WriteNumber("elapsedSeconds", Math.Round(ElapsedSeconds, 3));
            json.WriteNumber("eventsPerSecond", ElapsedSeconds > 0 ? Math.Round(Tally.Acked / ElapsedSeconds, 1) : 0);
            if (Error is not null)
                json.WriteString("error", Error);
            json.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteOptional(Utf8JsonWriter json, string name, long? value)
    {
        if (value is { } v)
            json.WriteNumber(name, v);
        else
            json.WriteNull(name);
    }
}
