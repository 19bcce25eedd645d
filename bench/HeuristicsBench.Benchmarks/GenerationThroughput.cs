using System.Diagnostics;
using System.Globalization;
using HeuristicsBench.EventLogs;
using HeuristicsBench.Workloads.Models;
using HeuristicsBench.Workloads.Streams;

namespace HeuristicsBench.Benchmarks;

/// <summary>
/// `bench generate`: events/s of the load generator for a model, split into the generator alone, the
/// generator writing CSV / JSONL to a null stream, and the generator writing CSV to a real file.
/// </summary>
public static class GenerationThroughput
{
    public static int Run(string model, long events, TextWriter output)
    {
        var schedule = ModelSchedule.Of(ModelCatalog.Load(model, 1));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"model {model}, {events:N0} events per run"));
        Measure("generator only", events, output, () =>
        {
            long n = 0;
            foreach (var _ in new EventStreamGenerator(schedule, new StreamSettings()).Generate(events))
                n++;
        });
        Measure("generator + CSV to null", events, output, () => Write(schedule, events, new CsvEventWriter(Stream.Null)));
        Measure("generator + JSONL to null", events, output, () => Write(schedule, events, new JsonlEventWriter(Stream.Null)));
        var path = Path.Combine(Path.GetTempPath(), $"hb-generate-{Environment.ProcessId}.csv");
        try
        {
            Measure("generator + CSV to a file", events, output, () =>
            {
                using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
                Write(schedule, events, new CsvEventWriter(file));
            });
        }
        finally
        {
            File.Delete(path);
        }
        return 0;
    }

    private static void Write(ModelSchedule schedule, long events, IEventSink sink)
    {
        using (sink)
        {
            foreach (var e in new EventStreamGenerator(schedule, new StreamSettings()).Generate(events))
                sink.Write(e);
        }
    }

    private static void Measure(string what, long events, TextWriter output, Action run)
    {
        run(); // warm-up (JIT, tiering)
        var rates = new List<double>();
        for (var i = 0; i < 3; i++)
        {
            var started = Stopwatch.GetTimestamp();
            run();
            rates.Add(events / Stopwatch.GetElapsedTime(started).TotalSeconds);
        }
        rates.Sort();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what,-28} median {rates[1]:N0} events/s (runs: {string.Join(", ", rates.Select(r => r.ToString("N0", CultureInfo.InvariantCulture)))})"));
    }
}
