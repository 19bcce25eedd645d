namespace HeuristicsBench.EventLogs.Tests;

/// <summary>Every problem in a XES file is an <see cref="EventLogFormatException"/> with the file and the position.</summary>
public class XesErrorTests
{
    private static EventLogFormatException ReadFails(string path, EventLogReadOptions? options = null) =>
        Assert.Throws<EventLogFormatException>(() => EventLogReader.Read(path, options).ToList());

    private static void AssertOneLine(EventLogFormatException ex)
    {
        Assert.DoesNotContain('\n', ex.Message);
        Assert.DoesNotContain('\r', ex.Message);
    }

    [Fact]
    public void Broken_xml_reports_the_line_and_column_of_the_xml_error()
    {
        const string xes = "<log>\n  <trace>\n    <string key=\"concept:name\" value=\"c\"/>\n    <event>\n      <string key=\"concept:name\" value=\"a\"/>\n    </evnt>\n  </trace>\n</log>\n";
        using var dir = new TempDirectory();
        var path = dir.Write("broken.xes", xes);

        var ex = ReadFails(path);

        Assert.Equal(path, ex.FilePath);
        Assert.Equal(6, ex.Line);
        Assert.NotNull(ex.Column);
        Assert.StartsWith($"{path}:6:{ex.Column}: malformed XML: ", ex.Message, StringComparison.Ordinal);
        Assert.IsType<System.Xml.XmlException>(ex.InnerException);
        AssertOneLine(ex);
    }

    [Fact]
    public void Truncated_document_is_malformed_xml()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("truncated.xes", "<log>\n<trace>\n<string key=\"concept:name\" value=\"c\"/>\n<event>\n<string key=\"concept:na");

        var ex = ReadFails(path);

        Assert.Equal(5, ex.Line);
        Assert.Contains($"{path}:5:", ex.Message, StringComparison.Ordinal);
        Assert.Contains("malformed XML", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Garbage_after_the_log_is_reported()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("after.xes", "<log>\n<trace><string key=\"concept:name\" value=\"c\"/><event><string key=\"concept:name\" value=\"a\"/></event></trace>\n</log>\n<log/>\n");

        var ex = ReadFails(path);

        Assert.Equal(4, ex.Line);
    }

    [Fact]
    public void Trace_without_concept_name_reports_the_trace_start_line()
    {
        const string xes = """
            <log>
              <trace>
                <string key="concept:name" value="ok"/>
                <event><string key="concept:name" value="a"/></event>
              </trace>
              <trace>
                <string key="org:resource" value="Pete"/>
                <list key="x"><string key="concept:name" value="nested does not count"/></list>
                <event><string key="concept:name" value="a"/></event>
              </trace>
            </log>
            """;
        using var dir = new TempDirectory();
        var path = dir.Write("noname.xes", xes);

        var ex = ReadFails(path);

        Assert.Equal(6, ex.Line);
        Assert.Equal(4, ex.Column);
        Assert.Equal($"{path}:6:4: trace has no concept:name", ex.Message);
        AssertOneLine(ex);
    }

    [Fact]
    public void Trace_with_empty_concept_name_reports_the_trace_start_line()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("emptyname.xes", "<log>\n\n<trace>\n<string key=\"concept:name\" value=\"\"/>\n<event><string key=\"concept:name\" value=\"a\"/></event>\n</trace>\n</log>");

        var ex = ReadFails(path);

        Assert.Equal(3, ex.Line);
        Assert.Contains($"{path}:3:", ex.Message, StringComparison.Ordinal);
        Assert.Contains("empty concept:name", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_trace_element_has_no_name()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("selfclosed.xes", "<log>\n<trace/>\n</log>");

        var ex = ReadFails(path);

        Assert.Equal(2, ex.Line);
        Assert.Contains("trace has no concept:name", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(LifecycleFilter.CompleteOnly)]
    [InlineData(LifecycleFilter.All)]
    public void Event_without_concept_name_reports_the_event_line_even_when_filtered_out(LifecycleFilter lifecycle)
    {
        const string xes = """
            <log>
              <trace>
                <string key="concept:name" value="c"/>
                <event><string key="concept:name" value="a"/></event>
                <event>
                  <string key="lifecycle:transition" value="start"/>
                  <string key="Activity" value="not the name"/>
                </event>
              </trace>
            </log>
            """;
        using var dir = new TempDirectory();
        var path = dir.Write("noactivity.xes", xes);

        var ex = ReadFails(path, new EventLogReadOptions(lifecycle));

        Assert.Equal(5, ex.Line);
        Assert.Equal($"{path}:5:6: event has no concept:name", ex.Message);
    }

    [Fact]
    public void Event_with_empty_concept_name_is_an_error()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("emptyactivity.xes", "<log><trace><string key=\"concept:name\" value=\"c\"/>\n<event><string key=\"concept:name\" value=\" \"/></event></trace></log>");

        var ex = ReadFails(path);

        Assert.Equal(2, ex.Line);
        Assert.Contains("event has an empty concept:name", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_timestamp_reports_the_date_element()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("badtime.xes", "<log><trace><string key=\"concept:name\" value=\"c\"/>\n<event><string key=\"concept:name\" value=\"a\"/>\n  <date key=\"time:timestamp\" value=\"2020-13-01T00:00:00\"/></event></trace></log>");

        var ex = ReadFails(path);

        Assert.Equal(3, ex.Line);
        Assert.Equal($"{path}:3:4: invalid time:timestamp '2020-13-01T00:00:00'", ex.Message);
    }

    [Fact]
    public void Event_outside_a_trace_is_an_error()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("stray.xes", "<log>\n<event><string key=\"concept:name\" value=\"a\"/></event>\n</log>");

        var ex = ReadFails(path);

        Assert.Equal(2, ex.Line);
        Assert.Contains("outside a <trace>", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Root_must_be_log()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("root.xes", "<?xml version=\"1.0\"?>\n<logs><trace/></logs>");

        var ex = ReadFails(path);

        Assert.Equal(2, ex.Line);
        Assert.Contains("root element is <logs>", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_file_is_malformed_xml()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("empty.xes", string.Empty);

        var ex = ReadFails(path);

        Assert.StartsWith(path + ":", ex.Message, StringComparison.Ordinal);
        Assert.Contains("malformed XML", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Plain_text_named_xes_gz_is_not_a_gzip_file()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("plain.xes.gz", "<log></log>");

        var ex = ReadFails(path);

        Assert.StartsWith($"{path}: not a valid gzip file (", ex.Message, StringComparison.Ordinal);
        Assert.Null(ex.Line);
    }

    [Fact]
    public void Corrupt_gzip_body_is_not_a_gzip_file()
    {
        using var dir = new TempDirectory();
        var bytes = File.ReadAllBytes(TestFiles.A12f0n00);
        for (var i = 10; i < bytes.Length - 8; i++)
        {
            bytes[i] = (byte)(bytes[i] ^ 0x5A);
        }

        var path = dir.WriteBytes("corrupt.xes.gz", bytes);

        var ex = ReadFails(path);

        Assert.StartsWith($"{path}: not a valid gzip file (", ex.Message, StringComparison.Ordinal);
        AssertOneLine(ex);
    }

    [Fact]
    public void Truncated_gzip_is_an_error()
    {
        using var dir = new TempDirectory();
        var bytes = File.ReadAllBytes(TestFiles.A12f0n00);
        var path = dir.WriteBytes("truncated.xes.gz", bytes[..(bytes.Length / 2)]);

        var ex = ReadFails(path);

        Assert.StartsWith(path + ":", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Errors_after_the_first_events_surface_while_interleaving()
    {
        // Without timestamps the reader streams; the error comes when the enumeration reaches it.
        const string xes = "<log>\n<trace><string key=\"concept:name\" value=\"c\"/><event><string key=\"concept:name\" value=\"a\"/></event></trace>\n<trace>\n</log>";
        using var dir = new TempDirectory();
        var path = dir.Write("late.xes", xes);

        using var events = EventLogReader.Read(path, new EventLogReadOptions(InterleaveOpenCases: 1)).GetEnumerator();
        Assert.True(events.MoveNext());
        Assert.Equal(new LogEvent("c", "a", null), events.Current);
        var ex = Assert.Throws<EventLogFormatException>(() => events.MoveNext());

        Assert.Equal(4, ex.Line);
    }
}
