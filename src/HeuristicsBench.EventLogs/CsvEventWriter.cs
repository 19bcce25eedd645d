using System.Globalization;
using System.Text;

namespace HeuristicsBench.EventLogs;

/// <summary>
/// Writes stream events as CSV that <c>mine</c> reads back: header
/// <c>case_id,activity,timestamp,event_id,seq,last,model_version,node,group</c>; timestamps in ISO 8601 UTC
/// with milliseconds; RFC 4180 quoting where a value needs it.
/// </summary>
public sealed class CsvEventWriter : IEventSink
{
    public const string Header = "case_id,activity,timestamp,event_id,seq,last,model_version,node,group";
    private readonly TextWriter _writer;
    private readonly bool _ownsWriter;

    public CsvEventWriter(Stream output) : this(new StreamWriter(output, new UTF8Encoding(false), 1 << 16, leaveOpen: true), ownsWriter: true)
    {
    }

    public CsvEventWriter(TextWriter writer, bool ownsWriter = false)
    {
        _writer = writer;
        _ownsWriter = ownsWriter;
        _writer.Write(Header);
        _writer.Write('\n');
    }

    public void Write(StreamEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        Field(e.CaseId);
        _writer.Write(',');
        Field(e.Activity);
        _writer.Write(',');
        Span<char> buffer = stackalloc char[32];
        e.Timestamp.UtcDateTime.TryFormat(buffer, out var written, "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        _writer.Write(buffer[..written]);
        _writer.Write(',');
        e.EventId.TryFormat(buffer, out written, default, CultureInfo.InvariantCulture);
        _writer.Write(buffer[..written]);
        _writer.Write(',');
        e.Sequence.TryFormat(buffer, out written, default, CultureInfo.InvariantCulture);
        _writer.Write(buffer[..written]);
        _writer.Write(e.LastInCase ? ",true," : ",false,");
        e.ModelVersion.TryFormat(buffer, out written, default, CultureInfo.InvariantCulture);
        _writer.Write(buffer[..written]);
        _writer.Write(',');
        Field(e.Node);
        _writer.Write(',');
        Field(e.Group);
        _writer.Write('\n');
    }

    public void Dispose()
    {
        _writer.Flush();
        if (_ownsWriter)
            _writer.Dispose();
    }

    private void Field(string value)
    {
        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            _writer.Write(value);
            return;
        }
        _writer.Write('"');
        _writer.Write(value.Replace("\"", "\"\"", StringComparison.Ordinal));
        _writer.Write('"');
    }
}
