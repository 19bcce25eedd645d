namespace HeuristicsBench.EventLogs.Tests;

/// <summary>The reader closes its file when the enumeration ends or is disposed.</summary>
public class FileHandleTests
{
    private static void AssertExclusivelyOpenable(string path)
    {
        using var exclusive = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
        Assert.True(exclusive.CanWrite);
    }

    private static string CopyToTemp(TempDirectory dir, string source, string name)
    {
        var path = Path.Combine(dir.Path, name);
        File.Copy(source, path);
        return path;
    }

    [Fact]
    public void File_is_held_during_enumeration()
    {
        // Shows that the checks below can fail: while reading, an exclusive open is refused.
        using var dir = new TempDirectory();
        var path = dir.Write("held.csv", "case_id,activity\n1,a\n2,b\n");

        using (var events = EventLogReader.Read(path).GetEnumerator())
        {
            Assert.True(events.MoveNext());
            Assert.Throws<IOException>(() => AssertExclusivelyOpenable(path));
        }

        AssertExclusivelyOpenable(path);
    }

    [Theory]
    [InlineData("log.csv")]
    [InlineData("log.xes")]
    [InlineData("log.xes.gz")]
    public void File_is_closed_after_full_enumeration(string name)
    {
        using var dir = new TempDirectory();
        var path = name switch
        {
            "log.csv" => dir.Write(name, "case_id,activity\n1,a\n"),
            "log.xes" => CopyToTemp(dir, TestFiles.RunningExample, name),
            _ => CopyToTemp(dir, TestFiles.A12f0n00, name),
        };

        var count = EventLogReader.Read(path).Count();

        Assert.True(count > 0);
        AssertExclusivelyOpenable(path);
        File.WriteAllText(path, "overwritten");
        File.Delete(path);
    }

    [Theory]
    [InlineData("log.csv")]
    [InlineData("log.xes")]
    [InlineData("log.xes.gz")]
    public void File_is_closed_when_enumeration_stops_early(string name)
    {
        using var dir = new TempDirectory();
        var path = name switch
        {
            "log.csv" => dir.Write(name, "case_id,activity\n1,a\n2,b\n3,c\n"),
            "log.xes" => CopyToTemp(dir, TestFiles.RunningExample, name),
            _ => CopyToTemp(dir, TestFiles.A12f0n00, name),
        };

        var first = EventLogReader.Read(path).First();

        Assert.False(string.IsNullOrEmpty(first.CaseId));
        AssertExclusivelyOpenable(path);
    }

    [Theory]
    [InlineData("bad.csv", "case_id,activity\n1,\n")]
    [InlineData("bad.xes", "<log><trace></log>")]
    public void File_is_closed_after_an_error(string name, string content)
    {
        using var dir = new TempDirectory();
        var path = dir.Write(name, content);

        Assert.Throws<EventLogFormatException>(() => EventLogReader.Read(path).ToList());

        AssertExclusivelyOpenable(path);
    }
}
