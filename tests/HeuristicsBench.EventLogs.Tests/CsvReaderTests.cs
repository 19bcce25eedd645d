namespace HeuristicsBench.EventLogs.Tests;

public class CsvReaderTests
{
    private static List<LogEvent> ReadCsv(string content, EventLogReadOptions? options = null)
    {
        using var dir = new TempDirectory();
        var path = dir.Write("log.csv", content);
        return EventLogReader.Read(path, options).ToList();
    }

    [Fact]
    public void Project_header_in_file_order()
    {
        var events = ReadCsv("case_id,activity,timestamp\nc2,b,2020-01-02 00:00:00\nc1,a,2020-01-01 00:00:00\n");

        Assert.Equal(
            [
                new LogEvent("c2", "b", new DateTimeOffset(2020, 1, 2, 0, 0, 0, TimeSpan.Zero)),
                new LogEvent("c1", "a", new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero)),
            ],
            events);
    }

    [Fact]
    public void Pm4py_header_with_extra_columns_in_any_order()
    {
        var events = ReadCsv(
            "org:resource,time:timestamp,concept:name,Costs,case:concept:name\r\n" +
            "Pete,2010-12-30T11:02:00.000+01:00,register request,50,1\r\n" +
            "Mike,2010-12-31T10:06:00.000+01:00,examine thoroughly,400,1\r\n");

        Assert.Equal(
            [
                new LogEvent("1", "register request", new DateTimeOffset(2010, 12, 30, 11, 2, 0, TimeSpan.FromHours(1))),
                new LogEvent("1", "examine thoroughly", new DateTimeOffset(2010, 12, 31, 10, 6, 0, TimeSpan.FromHours(1))),
            ],
            events);
        Assert.Equal(TimeSpan.FromHours(1), events[0].Timestamp!.Value.Offset);
    }

    [Fact]
    public void Header_names_are_trimmed_but_case_sensitive()
    {
        var events = ReadCsv(" case_id ,\tactivity\t, Activity ,Case_ID\nc,a,X,Y\n");

        Assert.Equal([new LogEvent("c", "a", null)], events);
    }

    [Fact]
    public void Own_names_win_over_pm4py_names()
    {
        var events = ReadCsv("concept:name,case:concept:name,activity,case_id\npm-a,pm-c,own-a,own-c\n");

        Assert.Equal([new LogEvent("own-c", "own-a", null)], events);
    }

    [Fact]
    public void Without_timestamp_column_timestamps_are_null()
    {
        var events = ReadCsv("activity,case_id\na,1\nb,1\n");

        Assert.Equal([new LogEvent("1", "a", null), new LogEvent("1", "b", null)], events);
    }

    [Fact]
    public void Empty_timestamp_is_null()
    {
        var events = ReadCsv("case_id,activity,timestamp\n1,a,\n1,b,\"\"\n");

        Assert.All(events, e => Assert.Null(e.Timestamp));
        Assert.Equal(2, events.Count);
    }

    [Fact]
    public void Quoted_fields_hold_commas_quotes_and_line_breaks()
    {
        var events = ReadCsv("case_id,activity,note\n\"c,1\",\"say \"\"hi\"\"\",x\n\"c\n2\",\"two\r\nlines\",\"\"\n");

        Assert.Equal([new LogEvent("c,1", "say \"hi\"", null), new LogEvent("c\n2", "two\r\nlines", null)], events);
    }

    [Fact]
    public void Both_timestamp_formats_and_iso_variants_parse()
    {
        var events = ReadCsv(
            "case_id,activity,timestamp\n" +
            "1,a,2021-03-04 05:06:07\n" +
            "1,b,2021-03-04T05:06:07\n" +
            "1,c,2021-03-04T05:06:07Z\n" +
            "1,d,2021-03-04T05:06:07.250+02:00\n" +
            "1,e,2021-03-04T05:06:07-0330\n");

        Assert.Equal(new DateTimeOffset(2021, 3, 4, 5, 6, 7, TimeSpan.Zero), events[0].Timestamp);
        Assert.Equal(TimeSpan.Zero, events[0].Timestamp!.Value.Offset);
        Assert.Equal(new DateTimeOffset(2021, 3, 4, 5, 6, 7, TimeSpan.Zero), events[1].Timestamp);
        Assert.Equal(new DateTimeOffset(2021, 3, 4, 5, 6, 7, TimeSpan.Zero), events[2].Timestamp);
        Assert.Equal(new DateTimeOffset(2021, 3, 4, 5, 6, 7, 250, TimeSpan.FromHours(2)), events[3].Timestamp);
        Assert.Equal(TimeSpan.FromHours(2), events[3].Timestamp!.Value.Offset);
        Assert.Equal(new DateTimeOffset(2021, 3, 4, 5, 6, 7, new TimeSpan(-3, -30, 0)), events[4].Timestamp);
    }

    [Fact]
    public void Csv_is_not_reordered_by_timestamp()
    {
        var events = ReadCsv("case_id,activity,timestamp\n1,late,2030-01-01 00:00:00\n2,early,2000-01-01 00:00:00\n");

        Assert.Equal(["late", "early"], events.Select(e => e.Activity));
    }

    [Fact]
    public void Byte_order_mark_and_empty_lines_are_passed_over()
    {
        var events = ReadCsv("\uFEFFcase_id,activity\n\n1,a\n\n\n2,b\n\n");

        Assert.Equal([new LogEvent("1", "a", null), new LogEvent("2", "b", null)], events);
    }

    [Fact]
    public void Non_ascii_values_are_decoded()
    {
        var events = ReadCsv("case_id,activity\nFall-ü,Prüfung 検査\n");

        Assert.Equal([new LogEvent("Fall-ü", "Prüfung 検査", null)], events);
    }

    [Fact]
    public void Lifecycle_column_is_filtered_like_xes()
    {
        const string csv = "case_id,activity,lifecycle:transition\n1,a,start\n1,a,complete\n1,b,\n1,c,Complete\n1,d,schedule\n";

        var completeOnly = ReadCsv(csv);
        var all = ReadCsv(csv, new EventLogReadOptions(LifecycleFilter.All));

        Assert.Equal(["a", "b", "c"], completeOnly.Select(e => e.Activity));
        Assert.Equal(["a", "a", "b", "c", "d"], all.Select(e => e.Activity));
    }

    [Fact]
    public void Repeated_values_share_one_string_instance()
    {
        var events = ReadCsv("case_id,activity\ncase-1,act\ncase-2,act\ncase-1,other\ncase-1,act\n");

        Assert.Same(events[0].CaseId, events[2].CaseId);
        Assert.Same(events[0].CaseId, events[3].CaseId);
        Assert.Same(events[0].Activity, events[1].Activity);
        Assert.Same(events[0].Activity, events[3].Activity);
        Assert.NotSame(events[0].CaseId, events[1].CaseId);
    }

    [Fact]
    public void Reading_is_lazy_and_in_file_order()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("lazy.csv", "case_id,activity\n1,a\n2,b\n,broken\n");

        var firstTwo = EventLogReader.Read(path).Take(2).ToList();

        Assert.Equal([new LogEvent("1", "a", null), new LogEvent("2", "b", null)], firstTwo);
    }

    [Fact]
    public void Matches_the_xes_running_example_as_a_multiset()
    {
        using var dir = new TempDirectory();
        var lines = EventLogReader.Read(TestFiles.RunningExample)
            .Select(e => $"{e.CaseId},{e.Activity},{e.Timestamp!.Value:yyyy-MM-ddTHH:mm:ss.fffzzz}");
        var path = dir.Write("running-example.csv", "case_id,activity,timestamp\n" + string.Join("\n", lines) + "\n");

        var fromCsv = EventLogReader.Read(path).ToList();
        var fromXes = EventLogReader.Read(TestFiles.RunningExample).ToList();

        Assert.Equal(fromXes, fromCsv);
    }
}
