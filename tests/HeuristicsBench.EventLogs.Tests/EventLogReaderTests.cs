namespace HeuristicsBench.EventLogs.Tests;

public class EventLogReaderTests
{
    [Theory]
    [InlineData("log.txt")]
    [InlineData("log.xml")]
    [InlineData("log.csv.gz")]
    [InlineData("log.gz")]
    [InlineData("log")]
    public void Unknown_extension_names_the_file_and_the_accepted_extensions(string name)
    {
        var path = Path.Combine(Path.GetTempPath(), name);

        var ex = Assert.Throws<EventLogFormatException>(() => EventLogReader.Read(path));

        Assert.Equal(path, ex.FilePath);
        Assert.Null(ex.Line);
        Assert.Equal($"{path}: unsupported event log file extension; expected one of .csv, .xes, .xes.gz", ex.Message);
    }

    [Fact]
    public void Extensions_are_matched_ignoring_case()
    {
        using var dir = new TempDirectory();
        var csv = dir.Write("LOG.CSV", "case_id,activity\n1,a\n");
        var xes = dir.Write("Log.XES", "<log><trace><string key=\"concept:name\" value=\"1\"/><event><string key=\"concept:name\" value=\"a\"/></event></trace></log>");
        var gz = dir.WriteGzip("Log.Xes.Gz", "<log><trace><string key=\"concept:name\" value=\"1\"/><event><string key=\"concept:name\" value=\"a\"/></event></trace></log>");

        Assert.Equal([new LogEvent("1", "a", null)], EventLogReader.Read(csv));
        Assert.Equal([new LogEvent("1", "a", null)], EventLogReader.Read(xes));
        Assert.Equal([new LogEvent("1", "a", null)], EventLogReader.Read(gz));
    }

    [Fact]
    public void Nothing_is_opened_before_enumeration()
    {
        var missing = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".csv");

        var events = EventLogReader.Read(missing);

        Assert.Throws<FileNotFoundException>(() => events.First());
    }

    [Fact]
    public void Enumerating_twice_reads_the_file_twice()
    {
        var events = EventLogReader.Read(TestFiles.RunningExample);

        Assert.Equal(events.ToList(), events.ToList());
    }

    [Fact]
    public void Open_cases_below_one_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => EventLogReader.Read(TestFiles.A12f0n00, new EventLogReadOptions(InterleaveOpenCases: 0)));
    }

    [Fact]
    public void Exception_formats_positions()
    {
        Assert.Equal("f.csv:3:7: bad", new EventLogFormatException("f.csv", 3, 7, "bad").Message);
        Assert.Equal("f.csv:3: bad", new EventLogFormatException("f.csv", 3, null, "bad").Message);
        Assert.Equal("f.csv: bad", new EventLogFormatException("f.csv", null, 7, "bad").Message);
        Assert.Equal("f.csv: a\\nb", new EventLogFormatException("f.csv", null, null, "a\nb").Message);
        Assert.Equal("bad", new EventLogFormatException("bad").Message);
    }
}
