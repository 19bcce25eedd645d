using System.Buffers;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Confluent.Kafka;
using HeuristicsBench.EventLogs;
using HeuristicsBench.KafkaStreams;

namespace LoadGenerator.Production;

/// <summary>
/// Turns an event into its Kafka message at the moment it is handed to the producer: <c>emittedAt</c> and the record
/// timestamp come from <paramref name="clock"/> (so a skewed clock shows in both), the key is the case id in UTF-8
/// (all events of a case go to one partition, in order), the value is <see cref="StreamEventJson"/>. Reuses one JSON
/// writer, so one instance serves one stream at a time.
/// </summary>
public sealed class EventMessageEncoder(string topic, TimeProvider clock, ProduceTally tally) : IDisposable
{
    private readonly ArrayBufferWriter<byte> _buffer = new(512);
    private readonly Utf8JsonWriter _json = new(Stream.Null, new JsonWriterOptions { SkipValidation = true });

    public ProducerMessage<SentEvent> Encode(StreamEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var now = clock.GetUtcNow();
        _buffer.ResetWrittenCount();
        _json.Reset(_buffer);
        StreamEventJson.Write(e with { EmittedAt = now }, _json);
        _json.Flush();
        var message = new Message<byte[]?, byte[]?>
        {
            Key = Encoding.UTF8.GetBytes(e.CaseId),
            Value = _buffer.WrittenSpan.ToArray(),
            Timestamp = new Timestamp(now),
        };
        tally.OnHanded();
        return new ProducerMessage<SentEvent>(topic, message, new SentEvent(e.EventId, Stopwatch.GetTimestamp()));
    }

    public void Dispose() => _json.Dispose();
}
