using System.Globalization;
using System.Text;
using System.Xml;

namespace HeuristicsBench.EventLogs;

/// <summary>
/// Writes stream events as an XES log that <see cref="EventLogReader"/> (and pm4py/ProM) read. XES groups
/// events by trace, so events are held per open case and a trace is written when its case's last event
/// arrives; cases still open at the end are written then. Memory is bounded by the open cases.
/// Event attributes: concept:name, lifecycle:transition (complete), time:timestamp, and node, group,
/// eventId, seq, modelVersion as plain attributes.
/// </summary>
public sealed class XesEventWriter : IEventSink
{
    private readonly XmlWriter _xml;
    private readonly Dictionary<string, (long FirstSeen, List<StreamEvent> Events)> _open = new(StringComparer.Ordinal);
    private long _seen;

    public XesEventWriter(Stream output, string logName = "heuristics-bench")
    {
        _xml = XmlWriter.Create(output, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, CloseOutput = false });
        _xml.WriteStartDocument();
        _xml.WriteStartElement("log");
        _xml.WriteAttributeString("xes.version", "1.0");
        _xml.WriteAttributeString("xes.features", "nested-attributes");
        Extension("Concept", "concept", "http://www.xes-standard.org/concept.xesext");
        Extension("Lifecycle", "lifecycle", "http://www.xes-standard.org/lifecycle.xesext");
        Extension("Time", "time", "http://www.xes-standard.org/time.xesext");
        Attribute("string", "concept:name", logName);
    }

    public void Write(StreamEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (!_open.TryGetValue(e.CaseId, out var entry))
            _open[e.CaseId] = entry = (_seen++, []);
        var events = entry.Events;
        events.Add(e);
        if (!e.LastInCase)
            return;
        WriteTrace(e.CaseId, events);
        _open.Remove(e.CaseId);
    }

    public void Dispose()
    {
        foreach (var (caseId, entry) in _open.OrderBy(kv => kv.Value.FirstSeen))
            WriteTrace(caseId, entry.Events);
        _open.Clear();
        _xml.WriteEndElement();
        _xml.WriteEndDocument();
        _xml.Dispose();
    }

    private void WriteTrace(string caseId, List<StreamEvent> events)
    {
        _xml.WriteStartElement("trace");
        Attribute("string", "concept:name", caseId);
        foreach (var e in events)
        {
            _xml.WriteStartElement("event");
            Attribute("string", "concept:name", e.Activity);
            Attribute("string", "lifecycle:transition", "complete");
            Attribute("date", "time:timestamp", e.Timestamp.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture));
            Attribute("string", "node", e.Node);
            Attribute("string", "group", e.Group);
            Attribute("int", "eventId", e.EventId.ToString(CultureInfo.InvariantCulture));
            Attribute("int", "seq", e.Sequence.ToString(CultureInfo.InvariantCulture));
            Attribute("int", "modelVersion", e.ModelVersion.ToString(CultureInfo.InvariantCulture));
            _xml.WriteEndElement();
        }
        _xml.WriteEndElement();
    }

    private void Extension(string name, string prefix, string uri)
    {
        _xml.WriteStartElement("extension");
        _xml.WriteAttributeString("name", name);
        _xml.WriteAttributeString("prefix", prefix);
        _xml.WriteAttributeString("uri", uri);
        _xml.WriteEndElement();
    }

    private void Attribute(string type, string key, string value)
    {
        _xml.WriteStartElement(type);
        _xml.WriteAttributeString("key", key);
        _xml.WriteAttributeString("value", value);
        _xml.WriteEndElement();
    }
}
