using System.Globalization;
using System.Text;
using HeuristicsBench.EventLogs;
using HeuristicsMiner.Algorithm.Model;
using HeuristicsMiner.Algorithm.Summaries;
using HeuristicsMiner.Mining;

namespace HeuristicsBench.Benchmarks;

/// <summary>
/// `bench mine`: writes a CSV of N synthetic events (case_id,activity,timestamp) and times the whole offline
/// `mine` path on it (reading, parsing, counting, building the model) a few times; prints each figure.
/// </summary>
public static class MineThroughput
{
    public static int Run(long events, int repeats, double epsilon, TextWriter output)
    {
        var directory = Directory.CreateTempSubdirectory("hb-bench-");
        try
        {
            var path = Path.Combine(directory.FullName, "stream.csv");
            WriteCsv(path, events);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"input: {events:N0} events, {new FileInfo(path).Length / 1e6:F0} MB CSV; ε = {epsilon}"));
            var rates = new List<double>();
            for (var i = 0; i < repeats; i++)
            {
                var settings = new MineSettings(path, new SummaryOptions(Epsilon: epsilon), ModelThresholds.Default, new EventLogReadOptions());
                var result = OfflineMiner.Run(settings);
                rates.Add(result.EventsPerSecond);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"run {i + 1}: {result.Elapsed.TotalSeconds:F2} s, {result.EventsPerSecond:N0} events/s, {result.Model.Net.Arcs.Count} arcs"));
            }
            rates.Sort();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"mine end to end: median {rates[rates.Count / 2]:N0} events/s"));
            return 0;
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static void WriteCsv(string path, long events)
    {
        var process = new SyntheticProcess();
        var start = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
        writer.WriteLine("case_id,activity,timestamp");
        for (long i = 0; i < events; i++)
        {
            var (c, a) = process.Next();
            writer.Write("case_");
            writer.Write(c.ToString(CultureInfo.InvariantCulture));
            writer.Write(',');
            writer.Write(process.ActivityNames[a]);
            writer.Write(',');
            writer.WriteLine(start.AddSeconds(i).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
        }
    }
}
