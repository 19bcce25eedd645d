using HeuristicsBench.Results.History;

namespace HeuristicsBench.Results.Writing;

/// <summary>
/// The history pivoted by whole second (metrics-wide.csv): one row per Unix second that has a sample, in time
/// order; columns <c>Time</c> (the second), <c>Elapsed_s</c> (that second minus the run start's second) and one
/// per metric in order of first appearance. A metric with no sample in a second leaves the cell empty; with
/// several, the latest (by time, then as recorded) is kept.
/// </summary>
public static class WideMetrics
{
    public static (IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows) Pivot(RunHistory history, double runStart)
    {
        ArgumentNullException.ThrowIfNull(history);
        var metrics = history.Metrics;
        var column = metrics.Select((m, i) => (m, i)).ToDictionary(p => p.m, p => p.i, StringComparer.Ordinal);
        var seconds = new SortedDictionary<long, (double Time, double? Value)[]>();
        foreach (var sample in history.Samples)
        {
            var second = (long)Math.Floor(sample.Time);
            if (!seconds.TryGetValue(second, out var cells))
                seconds[second] = cells = new (double, double?)[metrics.Count];
            ref var cell = ref cells[column[sample.Metric]];
            if (cell.Value is null || sample.Time >= cell.Time)
                cell = (sample.Time, sample.Value);
        }

        var startSecond = (long)Math.Floor(runStart);
        var rows = new List<IReadOnlyList<string>>(seconds.Count);
        foreach (var (second, cells) in seconds)
        {
            var row = new List<string>(metrics.Count + 2) { Numbers.Format(second), Numbers.Format(second - startSecond) };
            row.AddRange(cells.Select(c => Numbers.Format(c.Value)));
            rows.Add(row);
        }
        return (["Time", "Elapsed_s", .. metrics], rows);
    }
}

