namespace HeuristicsBench.EventLogs.Tests;

/// <summary>Small hand-written XES documents for the rules of the reader.</summary>
public class XesStructureTests
{
    private const string LifecycleLog = """
        <?xml version="1.0" encoding="UTF-8"?>
        <log xes.version="1.0">
          <global scope="event">
            <string key="concept:name" value="GLOBAL"/>
            <string key="lifecycle:transition" value="complete"/>
          </global>
          <trace>
            <string key="concept:name" value="c1"/>
            <event>
              <string key="concept:name" value="A"/>
              <string key="lifecycle:transition" value="start"/>
              <date key="time:timestamp" value="2020-01-01T10:00:00Z"/>
            </event>
            <event>
              <string key="concept:name" value="A"/>
              <string key="lifecycle:transition" value="complete"/>
              <date key="time:timestamp" value="2020-01-01T10:05:00Z"/>
            </event>
            <event>
              <string key="concept:name" value="B"/>
              <string key="lifecycle:transition" value="COMPLETE"/>
              <date key="time:timestamp" value="2020-01-01T10:07:00Z"/>
            </event>
            <event>
              <string key="concept:name" value="C"/>
              <date key="time:timestamp" value="2020-01-01T10:08:00Z"/>
            </event>
            <event>
              <string key="concept:name" value="D"/>
              <string key="lifecycle:transition" value="schedule"/>
            </event>
          </trace>
          <trace>
            <string key="concept:name" value="only-start"/>
            <event>
              <string key="concept:name" value="X"/>
              <string key="lifecycle:transition" value="start"/>
              <date key="time:timestamp" value="2020-01-01T09:00:00Z"/>
            </event>
          </trace>
        </log>
        """;

    [Fact]
    public void Complete_only_keeps_complete_and_unspecified_transitions()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("lifecycle.xes", LifecycleLog);

        var events = EventLogReader.Read(path).ToList();

        // D (schedule) has no timestamp but is not kept, so every kept event is timestamped: timestamp order.
        Assert.Equal(["A", "B", "C"], events.Select(e => e.Activity));
        Assert.All(events, e => Assert.Equal("c1", e.CaseId));
        Assert.Equal(new DateTimeOffset(2020, 1, 1, 10, 5, 0, TimeSpan.Zero), events[0].Timestamp);
    }

    [Fact]
    public void All_keeps_every_event()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("lifecycle.xes", LifecycleLog);

        var events = EventLogReader.Read(path, new EventLogReadOptions(LifecycleFilter.All, InterleaveOpenCases: 1)).ToList();

        // D has no timestamp, so the traces are interleaved; one open case gives document order.
        Assert.Equal(["A", "A", "B", "C", "D", "X"], events.Select(e => e.Activity));
        Assert.Equal(["c1", "c1", "c1", "c1", "c1", "only-start"], events.Select(e => e.CaseId));
        Assert.Null(events[4].Timestamp);
    }

    [Fact]
    public void Only_direct_children_of_trace_and_event_are_their_attributes()
    {
        const string xes = """
            <log>
              <string key="concept:name" value="log-name"/>
              <trace>
                <list key="aliases">
                  <string key="concept:name" value="NESTED-TRACE-NAME"/>
                </list>
                <event>
                  <container key="meta">
                    <string key="concept:name" value="NESTED-ACTIVITY"/>
                    <string key="lifecycle:transition" value="start"/>
                    <date key="time:timestamp" value="1999-01-01T00:00:00Z"/>
                  </container>
                  <string key="concept:name" value="real">
                    <string key="concept:name" value="child-of-attribute"/>
                  </string>
                  <date key="time:timestamp" value="2021-06-01T12:00:00+02:00"/>
                </event>
                <string key="concept:name" value="case-after-events"/>
              </trace>
            </log>
            """;
        using var dir = new TempDirectory();
        var path = dir.Write("nested.xes", xes);

        var events = EventLogReader.Read(path).ToList();

        var only = Assert.Single(events);
        Assert.Equal(new LogEvent("case-after-events", "real", new DateTimeOffset(2021, 6, 1, 12, 0, 0, TimeSpan.FromHours(2))), only);
    }

    [Theory]
    [InlineData("<log xmlns=\"http://www.xes-standard.org/\">", "</log>")]
    [InlineData("<xes:log xmlns:xes=\"http://www.xes-standard.org/\">", "</xes:log>")]
    [InlineData("<log>", "</log>")]
    public void Namespaced_and_plain_documents_read_the_same(string open, string close)
    {
        var prefix = open.StartsWith("<xes:", StringComparison.Ordinal) ? "xes:" : string.Empty;
        var xes = $"""
            {open}
              <{prefix}trace><{prefix}string key="concept:name" value="c"/>
                <{prefix}event><{prefix}string key="concept:name" value="a"/><{prefix}date key="time:timestamp" value="2020-01-01T00:00:00"/></{prefix}event>
              </{prefix}trace>
            {close}
            """;
        using var dir = new TempDirectory();
        var path = dir.Write("ns.xes", xes);

        var only = Assert.Single(EventLogReader.Read(path));

        Assert.Equal(new LogEvent("c", "a", new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero)), only);
    }

    [Fact]
    public void Traces_without_kept_events_are_skipped()
    {
        const string xes = """
            <log>
              <trace><string key="concept:name" value="empty"/></trace>
              <trace><string key="concept:name" value="starts-only"/>
                <event><string key="concept:name" value="a"/><string key="lifecycle:transition" value="start"/></event>
              </trace>
              <trace><string key="concept:name" value="full"/>
                <event><string key="concept:name" value="b"/></event>
              </trace>
            </log>
            """;
        using var dir = new TempDirectory();
        var path = dir.Write("empty.xes", xes);

        var only = Assert.Single(EventLogReader.Read(path));

        Assert.Equal(new LogEvent("full", "b", null), only);
    }

    [Fact]
    public void Timestamps_keep_offsets_and_fractions()
    {
        const string xes = """
            <log>
              <trace><string key="concept:name" value="c"/>
                <event><string key="concept:name" value="a"/><date key="time:timestamp" value="2020-03-01T10:00:00.1234567891-05:30"/></event>
                <event><string key="concept:name" value="b"/><date key="time:timestamp" value="2020-03-01T15:00:00.5Z"/></event>
                <event><string key="concept:name" value="c"/><date key="time:timestamp" value="2020-03-01T16:00:00"/></event>
              </trace>
            </log>
            """;
        using var dir = new TempDirectory();
        var path = dir.Write("ts.xes", xes);

        var events = EventLogReader.Read(path).ToList();

        // a is 15:30:00.1234567 UTC, so after b (15:00:00.5 UTC) and before c (16:00 UTC).
        Assert.Equal(["b", "a", "c"], events.Select(e => e.Activity));
        Assert.Equal(new DateTimeOffset(2020, 3, 1, 10, 0, 0, new TimeSpan(-5, -30, 0)).AddTicks(1234567), events[1].Timestamp);
        Assert.Equal(new TimeSpan(-5, -30, 0), events[1].Timestamp!.Value.Offset);
        Assert.Equal(TimeSpan.Zero, events[2].Timestamp!.Value.Offset);
    }

    [Fact]
    public void Timestamp_order_applies_across_traces_with_stable_ties()
    {
        const string xes = """
            <log>
              <trace><string key="concept:name" value="t1"/>
                <event><string key="concept:name" value="x1"/><date key="time:timestamp" value="2020-01-01T10:00:00+01:00"/></event>
                <event><string key="concept:name" value="x2"/><date key="time:timestamp" value="2020-01-01T12:00:00Z"/></event>
                <event><string key="concept:name" value="x3"/><date key="time:timestamp" value="2020-01-01T12:00:00Z"/></event>
              </trace>
              <trace><string key="concept:name" value="t2"/>
                <event><string key="concept:name" value="y1"/><date key="time:timestamp" value="2020-01-01T09:00:00Z"/></event>
                <event><string key="concept:name" value="y2"/><date key="time:timestamp" value="2020-01-01T13:00:00+01:00"/></event>
              </trace>
            </log>
            """;
        using var dir = new TempDirectory();
        var path = dir.Write("ties.xes", xes);

        var events = EventLogReader.Read(path).Select(e => e.Activity).ToList();

        // x1 = y1 = 09:00 UTC; x2 = x3 = y2 = 12:00 UTC: ties in trace order, then event order.
        Assert.Equal(["x1", "y1", "x2", "x3", "y2"], events);
    }

    [Fact]
    public void One_untimestamped_event_switches_to_interleaving()
    {
        const string xes = """
            <log>
              <trace><string key="concept:name" value="t1"/>
                <event><string key="concept:name" value="late"/><date key="time:timestamp" value="2030-01-01T00:00:00Z"/></event>
              </trace>
              <trace><string key="concept:name" value="t2"/>
                <event><string key="concept:name" value="early"/><date key="time:timestamp" value="2000-01-01T00:00:00Z"/></event>
                <event><string key="concept:name" value="untimed"/></event>
              </trace>
            </log>
            """;
        using var dir = new TempDirectory();
        var path = dir.Write("mixed.xes", xes);

        var events = EventLogReader.Read(path, new EventLogReadOptions(InterleaveOpenCases: 1)).Select(e => e.Activity).ToList();

        Assert.Equal(["late", "early", "untimed"], events);
    }

    [Fact]
    public void Repeated_values_share_one_string_instance()
    {
        var events = EventLogReader.Read(TestFiles.RunningExample).ToList();

        var registers = events.Where(e => e.Activity == "register request").ToList();
        Assert.Equal(6, registers.Count);
        Assert.All(registers, e => Assert.Same(registers[0].Activity, e.Activity));
        var case3 = events.Where(e => e.CaseId == "3").ToList();
        Assert.Equal(9, case3.Count);
        Assert.All(case3, e => Assert.Same(case3[0].CaseId, e.CaseId));
    }
}
