using System.IO.Compression;
using System.Text.RegularExpressions;
using System.Xml;

namespace HeuristicsBench.EventLogs;

/// <summary>
/// Reads the traces of a XES document one at a time with an <see cref="XmlReader"/>, never holding more than one
/// trace. Only the direct children of <c>&lt;trace&gt;</c> and <c>&lt;event&gt;</c> are their attributes; everything
/// nested deeper (list and container contents), globals, classifiers and extensions are passed over. Elements are
/// matched by local name, so documents with and without the XES namespace read the same.
/// </summary>
internal sealed partial class XesTraceReader : IDisposable
{
    private const string ConceptName = "concept:name";
    private const string LifecycleTransition = "lifecycle:transition";
    private const string TimeTimestamp = "time:timestamp";

    private readonly string _path;
    private readonly bool _gzip;
    private readonly XmlReader _xml;
    private readonly IXmlLineInfo _position;
    private readonly LifecycleFilter _lifecycle;
    private readonly StringPool _pool;
    private readonly List<LogEvent> _events = [];
    private readonly string _logName;
    private readonly string _traceName;
    private readonly string _eventName;
    private readonly string _stringName;
    private readonly string _dateName;
    private bool _started;
    private bool _finished;
    private bool _traceAllTimestamped;

    private XesTraceReader(string path, bool gzip, XmlReader xml, NameTable names, LifecycleFilter lifecycle, StringPool pool)
    {
        _path = path;
        _gzip = gzip;
        _xml = xml;
        _position = (IXmlLineInfo)xml;
        _lifecycle = lifecycle;
        _pool = pool;
        _logName = names.Add("log");
        _traceName = names.Add("trace");
        _eventName = names.Add("event");
        _stringName = names.Add("string");
        _dateName = names.Add("date");
    }

    /// <summary>Opens <paramref name="path"/>; a gzip file is decompressed on the fly.</summary>
    /// <exception cref="EventLogFormatException">A gzip file does not start with the gzip header.</exception>
    public static XesTraceReader Open(string path, bool gzip, LifecycleFilter lifecycle, StringPool pool)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.SequentialScan);
        try
        {
            Stream input = file;
            if (gzip)
            {
                Span<byte> magic = stackalloc byte[2];
                var read = file.ReadAtLeast(magic, magic.Length, throwOnEndOfStream: false);
                if (read < 2 || magic[0] != 0x1f || magic[1] != 0x8b)
                {
                    throw NotGzip(path, "no gzip header", null);
                }

                file.Position = 0;
                input = new GZipStream(file, CompressionMode.Decompress, leaveOpen: false);
            }

            var names = new NameTable();
            var settings = new XmlReaderSettings
            {
                NameTable = names,
                DtdProcessing = DtdProcessing.Ignore,
                XmlResolver = null,
                IgnoreComments = true,
                IgnoreProcessingInstructions = true,
                IgnoreWhitespace = true,
                CloseInput = true,
            };
            // XmlReader.Create already reads the start of the input (to detect its encoding).
            var xml = XmlReader.Create(input, settings);
            return new XesTraceReader(path, gzip, xml, names, lifecycle, pool);
        }
        catch (XmlException ex)
        {
            file.Dispose();
            throw Malformed(path, ex);
        }
        catch (InvalidDataException ex) when (gzip)
        {
            file.Dispose();
            throw NotGzip(path, ex.Message, ex);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>Reads up to the next trace that has at least one kept event.</summary>
    /// <returns>The trace, or <see langword="null"/> at the end of the log.</returns>
    /// <exception cref="EventLogFormatException">The document is not well-formed or not a valid event log.</exception>
    public XesTrace? ReadNext()
    {
        if (_finished)
        {
            return null;
        }

        try
        {
            return ReadNextCore();
        }
        catch (XmlException ex)
        {
            throw Malformed(_path, ex);
        }
        catch (InvalidDataException ex) when (_gzip)
        {
            throw NotGzip(_path, ex.Message, ex);
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _xml.Dispose();

    private static EventLogFormatException Malformed(string path, XmlException ex)
    {
        int? line = ex.LineNumber > 0 ? ex.LineNumber : null;
        int? column = ex.LinePosition > 0 ? ex.LinePosition : null;
        return new EventLogFormatException(path, line, column, "malformed XML: " + TrailingPosition().Replace(ex.Message, string.Empty), ex);
    }

    private static EventLogFormatException NotGzip(string path, string detail, Exception? inner) =>
        new(path, null, null, $"not a valid gzip file ({detail})", inner);

    [GeneratedRegex(@"\s*Line \d+, position \d+\.\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex TrailingPosition();

    private XesTrace? ReadNextCore()
    {
        if (!_started)
        {
            _started = true;
            if (!StartLog())
            {
                return null;
            }
        }

        while (true)
        {
            switch (_xml.NodeType)
            {
                case XmlNodeType.EndElement when _xml.Depth == 0:
                    FinishDocument();
                    return null;
                case XmlNodeType.Element when ReferenceEquals(_xml.LocalName, _traceName):
                    var trace = ReadTrace();
                    if (trace is not null)
                    {
                        return trace;
                    }

                    break;
                case XmlNodeType.Element when ReferenceEquals(_xml.LocalName, _eventName):
                    throw Error("<event> outside a <trace>");
                case XmlNodeType.Element:
                    _xml.Skip();
                    break;
                default:
                    ReadOrFail();
                    break;
            }
        }
    }

    /// <summary>Moves into the root element; returns false when the log has no content.</summary>
    private bool StartLog()
    {
        if (_xml.MoveToContent() != XmlNodeType.Element)
        {
            throw Error("no root element");
        }

        if (!ReferenceEquals(_xml.LocalName, _logName))
        {
            throw Error($"root element is <{_xml.Name}>, expected <log>");
        }

        if (_xml.IsEmptyElement)
        {
            FinishDocument();
            return false;
        }

        ReadOrFail();
        return true;
    }

    /// <summary>Reads the rest of the document so that anything malformed after the log is reported too.</summary>
    private void FinishDocument()
    {
        while (_xml.Read())
        {
        }

        _finished = true;
    }

    /// <summary>Reads a trace from its start tag to past its end tag.</summary>
    private XesTrace? ReadTrace()
    {
        var line = _position.LineNumber;
        var column = _position.LinePosition;
        string? caseId = null;
        _events.Clear();
        _traceAllTimestamped = true;
        if (!_xml.IsEmptyElement)
        {
            var depth = _xml.Depth;
            ReadOrFail();
            while (_xml.NodeType != XmlNodeType.EndElement || _xml.Depth != depth)
            {
                if (_xml.NodeType != XmlNodeType.Element)
                {
                    ReadOrFail();
                    continue;
                }

                if (ReferenceEquals(_xml.LocalName, _eventName))
                {
                    ReadEvent();
                    continue;
                }

                if (caseId is null && IsAttribute(_stringName, ConceptName))
                {
                    caseId = _xml.GetAttribute("value") ?? string.Empty;
                }

                _xml.Skip();
            }
        }

        ReadOrFail();
        if (caseId is null)
        {
            throw new EventLogFormatException(_path, line, column, "trace has no concept:name");
        }

        if (string.IsNullOrWhiteSpace(caseId))
        {
            throw new EventLogFormatException(_path, line, column, "trace has an empty concept:name");
        }

        if (_events.Count == 0)
        {
            return null;
        }

        var id = _pool.Intern(caseId);
        var events = new LogEvent[_events.Count];
        for (var i = 0; i < events.Length; i++)
        {
            events[i] = _events[i] with { CaseId = id };
        }

        return new XesTrace(id, events, _traceAllTimestamped);
    }

    /// <summary>Reads an event from its start tag to past its end tag and keeps it if the lifecycle filter says so.</summary>
    private void ReadEvent()
    {
        var line = _position.LineNumber;
        var column = _position.LinePosition;
        string? activity = null;
        string? lifecycle = null;
        DateTimeOffset? timestamp = null;
        if (!_xml.IsEmptyElement)
        {
            var depth = _xml.Depth;
            ReadOrFail();
            while (_xml.NodeType != XmlNodeType.EndElement || _xml.Depth != depth)
            {
                if (_xml.NodeType != XmlNodeType.Element)
                {
                    ReadOrFail();
                    continue;
                }

                var name = _xml.LocalName;
                if (ReferenceEquals(name, _stringName))
                {
                    var key = _xml.GetAttribute("key");
                    if (activity is null && key == ConceptName)
                    {
                        activity = _xml.GetAttribute("value") ?? string.Empty;
                    }
                    else if (lifecycle is null && key == LifecycleTransition)
                    {
                        lifecycle = _xml.GetAttribute("value") ?? string.Empty;
                    }
                }
                else if (timestamp is null && ReferenceEquals(name, _dateName) && _xml.GetAttribute("key") == TimeTimestamp)
                {
                    timestamp = ReadTimestamp();
                }

                _xml.Skip();
            }
        }

        ReadOrFail();
        if (activity is null)
        {
            throw new EventLogFormatException(_path, line, column, "event has no concept:name");
        }

        if (string.IsNullOrWhiteSpace(activity))
        {
            throw new EventLogFormatException(_path, line, column, "event has an empty concept:name");
        }

        if (!Keep(lifecycle))
        {
            return;
        }

        _traceAllTimestamped &= timestamp.HasValue;
        _events.Add(new LogEvent(string.Empty, _pool.Intern(activity), timestamp));
    }

    private DateTimeOffset ReadTimestamp()
    {
        var value = _xml.GetAttribute("value");
        if (value is null)
        {
            throw Error("time:timestamp has no value");
        }

        if (!TimestampParser.TryParse(value, out var timestamp))
        {
            throw Error($"invalid time:timestamp {MessageText.Quote(value)}");
        }

        return timestamp;
    }

    private bool Keep(string? lifecycle) =>
        _lifecycle == LifecycleFilter.All
        || string.IsNullOrWhiteSpace(lifecycle)
        || lifecycle.Trim().Equals("complete", StringComparison.OrdinalIgnoreCase);

    private bool IsAttribute(string elementName, string key) =>
        ReferenceEquals(_xml.LocalName, elementName) && _xml.GetAttribute("key") == key;

    private void ReadOrFail()
    {
        if (!_xml.Read())
        {
            throw Error("unexpected end of document");
        }
    }

    private EventLogFormatException Error(string reason) =>
        new(_path, _position.LineNumber > 0 ? _position.LineNumber : null, _position.LinePosition > 0 ? _position.LinePosition : null, reason);
}
