using System.Globalization;
using HeuristicsMiner.Algorithm.Summaries;

namespace HeuristicsBench.Benchmarks;

/// <summary>
/// `bench memory`: feeds N synthetic events (new case ids keep arriving, as in a real stream) to one Lossy
/// Counting summary and prints, every tenth of the run, the entries held and the managed heap after a full GC.
/// Flat means the last figures stay near those after warm-up rather than growing with N.
/// </summary>
public static class MemoryFlatness
{
    public static int Run(long events, double epsilon, TextWriter output)
    {
        var process = new SyntheticProcess();
        var summary = new LossyCountingSummary(epsilon);
        var ids = process.ActivityNames.Select(summary.Activities.GetOrAdd).ToArray();
        var step = Math.Max(1, events / 10);
        output.WriteLine("events,entries,activities,cases,relations,loopPatterns,starts,heapBytes");
        var heaps = new List<long>();
        for (long i = 1; i <= events; i++)
        {
            var (c, a) = process.Next();
            // A fresh case-id string per event, as a deserializer produces: only the summary keeps any alive.
            summary.Observe(string.Create(CultureInfo.InvariantCulture, $"case_{c}"), ids[a]);
            if (i % step != 0)
                continue;
            var heap = GC.GetTotalMemory(forceFullCollection: true);
            heaps.Add(heap);
            var (acts, cases, relations, loops, starts) = summary.EntriesPerStructure;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{i},{summary.EntryCount},{acts},{cases},{relations},{loops},{starts},{heap}"));
        }
        if (heaps.Count >= 4)
        {
            var warm = heaps[1];
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"heap after warm-up {warm / 1e6:F1} MB, at the end {heaps[^1] / 1e6:F1} MB, max {heaps.Max() / 1e6:F1} MB (ratio end/warm {(double)heaps[^1] / warm:F2})"));
        }
        return 0;
    }
}
