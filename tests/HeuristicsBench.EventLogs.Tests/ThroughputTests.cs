using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace HeuristicsBench.EventLogs.Tests;

/// <summary>
/// Prints the reading speed on generated logs. Nothing is asserted about time (machines differ); the counts are checked.
/// </summary>
[Collection(nameof(ThroughputGroup))]
public class ThroughputTests(ITestOutputHelper output)
{
    [Fact]
    public void Csv_throughput_is_printed()
    {
        const int rows = 500_000;
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "generated.csv");
        using (var writer = new StreamWriter(path, false, new UTF8Encoding(false)))
        {
            writer.Write("case_id,activity,timestamp\n");
            var start = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
            for (var i = 0; i < rows; i++)
            {
                // about 100 cases open at a time, 5 events each, 20 activities
                var caseId = ((i / 500) * 100) + (i % 100);
                writer.Write(string.Create(CultureInfo.InvariantCulture, $"case-{caseId},act{(i * 7) % 20},{start.AddSeconds(i):yyyy-MM-dd HH:mm:ss}\n"));
            }
        }

        var (count, seconds) = Measure(path);

        Assert.Equal(rows, count);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"CSV: {count} events in {seconds:F3} s = {count / seconds / 1e6:F2} M events/s"));
    }

    [Fact]
    public void Xes_throughput_is_printed()
    {
        const int traces = 20_000;
        const int eventsPerTrace = 5;
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "generated.xes");
        using (var writer = new StreamWriter(path, false, new UTF8Encoding(false)))
        {
            writer.Write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<log xes.version=\"1.0\">\n");
            var start = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
            for (var t = 0; t < traces; t++)
            {
                writer.Write(string.Create(CultureInfo.InvariantCulture, $"  <trace>\n    <string key=\"concept:name\" value=\"case-{t}\"/>\n"));
                for (var e = 0; e < eventsPerTrace; e++)
                {
                    var time = start.AddMinutes((t * 3) + e);
                    writer.Write(string.Create(
                        CultureInfo.InvariantCulture,
                        $"    <event>\n      <string key=\"concept:name\" value=\"act{(t + e) % 20}\"/>\n      <string key=\"lifecycle:transition\" value=\"complete\"/>\n      <string key=\"org:resource\" value=\"r{t % 7}\"/>\n      <date key=\"time:timestamp\" value=\"{time:yyyy-MM-ddTHH:mm:ss.fff}+01:00\"/>\n    </event>\n"));
                }

                writer.Write("  </trace>\n");
            }

            writer.Write("</log>\n");
        }

        var (count, seconds) = Measure(path);

        Assert.Equal(traces * eventsPerTrace, count);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"XES: {count} events in {seconds:F3} s = {count / seconds / 1e6:F2} M events/s ({new FileInfo(path).Length / seconds / 1e6:F0} MB/s)"));
    }

    private static (long Count, double Seconds) Measure(string path)
    {
        // one warm-up pass, then the best of three
        var count = EventLogReader.Read(path).LongCount();
        var best = double.MaxValue;
        for (var i = 0; i < 3; i++)
        {
            var watch = Stopwatch.StartNew();
            count = EventLogReader.Read(path).LongCount();
            best = Math.Min(best, watch.Elapsed.TotalSeconds);
        }

        return (count, best);
    }
}
