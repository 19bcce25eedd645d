using System.Text.Json;

namespace HeuristicsBench.EventLogs;

/// <summary>Writes one <see cref="StreamEventJson"/> document per line (the Kafka message body, as a file).</summary>
public sealed class JsonlEventWriter : IEventSink
{
    private readonly Stream _output;
    private readonly Utf8JsonWriter _json;

    public JsonlEventWriter(Stream output)
    {
        _output = output;
        _json = new Utf8JsonWriter(output, new JsonWriterOptions { SkipValidation = true });
    }

    public void Write(StreamEvent e)
    {
        StreamEventJson.Write(e, _json);
        _json.Flush();
        _json.Reset();
        _output.WriteByte((byte)'\n');
    }

    public void Dispose()
    {
        _json.Dispose();
        _output.Flush();
    }
}
