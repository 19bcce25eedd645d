using System.Text;

namespace HeuristicsBench.EventLogs.Tests.Streams;

public sealed class EventSinkRoundTripTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly DirectoryInfo _temp = Directory.CreateTempSubdirectory("hb-sinks-");

    public void Dispose() => _temp.Delete(recursive: true);

    private static StreamEvent[] Sample() =>
    [
        new("case_1", "Receive goods", T0, 0, 1, false, 0, "GoodsDelivery", "assembly-line"),
        new("case_2", "Receive goods", T0.AddSeconds(1.5), 1, 1, true, 0, "GoodsDelivery", "assembly-line"),
        new("case_1", "Check, \"quoted\"\nline", T0.AddSeconds(3.25), 2, 2, true, 1, "Node,with comma", "grp"),
    ];

    private string WriteWith(Func<Stream, IEventSink> create, string name)
    {
        var path = Path.Combine(_temp.FullName, name);
        using (var stream = File.Create(path))
        using (var sink = create(stream))
        {
            foreach (var e in Sample())
                sink.Write(e);
        }
        return path;
    }

    [Fact]
    public void Csv_reads_back_through_the_mine_reader_with_quoting_and_milliseconds()
    {
        var path = WriteWith(s => new CsvEventWriter(s), "stream.csv");
        Assert.StartsWith(CsvEventWriter.Header + "\n", File.ReadAllText(path), StringComparison.Ordinal);
        var back = EventLogReader.Read(path).ToArray();
        Assert.Equal(Sample().Select(e => new LogEvent(e.CaseId, e.Activity, e.Timestamp)), back);
    }

    [Fact]
    public void Jsonl_lines_parse_back_to_the_same_events()
    {
        var path = WriteWith(s => new JsonlEventWriter(s), "stream.jsonl");
        var lines = File.ReadAllLines(path, Encoding.UTF8);
        Assert.Equal(3, lines.Length);
        var back = lines.Select(l =>
        {
            Assert.True(StreamEventJson.TryParse(Encoding.UTF8.GetBytes(l), out var e, out var error), error);
            return e;
        }).ToArray();
        Assert.Equal(Sample(), back);
        Assert.Contains("\"timestamp\":\"2026-03-01 12:00:01\"", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Xes_groups_events_into_traces_and_reads_back()
    {
        var path = WriteWith(s => new XesEventWriter(s), "stream.xes");
        var back = EventLogReader.Read(path).ToArray();
        Assert.Equal(Sample().Select(e => new LogEvent(e.CaseId, e.Activity, e.Timestamp)).OrderBy(e => e.Timestamp), back);
        var xml = File.ReadAllText(path);
        Assert.Equal(2, xml.Split("<trace>").Length - 1);
    }

    [Theory]
    [InlineData("not json", "not JSON")]
    [InlineData("[1,2]", "not a JSON object")]
    [InlineData("{\"activity\":\"a\"}", "missing or empty caseid")]
    [InlineData("{\"caseid\":\"c\",\"activity\":\"\"}", "missing or empty activity")]
    [InlineData("{\"schema\":2,\"caseid\":\"c\",\"activity\":\"a\"}", "unknown schema version 2")]
    [InlineData("{\"caseid\":\"c\",\"activity\":\"a\",\"timestamp\":\"yesterday\"}", "unparseable timestamp")]
    public void Invalid_events_are_rejected_with_a_reason(string body, string reason)
    {
        Assert.False(StreamEventJson.TryParse(Encoding.UTF8.GetBytes(body), out var e, out var error));
        Assert.Null(e);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_reference_papers_events_parse()
    {
        var paper = """{"timestamp":"2024-12-19 13:47:23","activity":"Assembling","caseid":"case_7","node":"n1","group":"g"}"""u8;
        Assert.True(StreamEventJson.TryParse(paper, out var e, out _));
        Assert.Equal(("case_7", "Assembling", new DateTimeOffset(2024, 12, 19, 13, 47, 23, TimeSpan.Zero)), (e!.CaseId, e.Activity, e.Timestamp));
    }
}

public class StreamEventJsonRobustnessTests
{
    [Theory]
    [InlineData("{\"schema\":\"1\",\"caseid\":\"c\",\"activity\":\"a\"}")]
    [InlineData("{\"schema\":null,\"caseid\":\"c\",\"activity\":\"a\"}")]
    [InlineData("{\"caseid\":\"c\",\"activity\":\"a\",\"seq\":\"3\"}")]
    [InlineData("{\"caseid\":\"c\",\"activity\":\"a\",\"seq\":4294967297}")]
    [InlineData("{\"caseid\":\"c\",\"activity\":\"a\",\"modelVersion\":true}")]
    [InlineData("{\"caseid\":\"c\",\"activity\":\"a\",\"timestampMs\":99999999999999999}")]
    [InlineData("{\"caseid\":\"c\",\"activity\":\"a\",\"eventId\":-1}")]
    public void Wrong_types_and_ranges_are_rejected_without_throwing(string body)
    {
        Assert.False(StreamEventJson.TryParse(System.Text.Encoding.UTF8.GetBytes(body), out var e, out var error));
        Assert.Null(e);
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Theory]
    [InlineData("{\"caseid\":\"c\",\"activity\":\"a\",\"emittedAt\":5,\"seq\":null,\"timestampMs\":\"123\"}")]
    public void Ignorable_odd_values_still_parse(string body) =>
        Assert.True(StreamEventJson.TryParse(System.Text.Encoding.UTF8.GetBytes(body), out _, out _));
}
