using System.Diagnostics;
using HeuristicsBench.EventLogs;
using HeuristicsMiner.Algorithm.Model;

namespace HeuristicsMiner.Mining;

/// <summary>Streams an event log file through a summary in the reader's order and builds the model at the end.</summary>
public static class OfflineMiner
{
    private static readonly long ReportEvery = Stopwatch.Frequency * 2;

    /// <param name="progress">Called about every two seconds with (events so far, elapsed).</param>
    public static MineResult Run(MineSettings settings, Action<long, TimeSpan>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Thresholds.Validate();
        var summary = settings.Summary.Create();
        var started = Stopwatch.GetTimestamp();
        var nextReport = started + ReportEvery;
        foreach (var e in EventLogReader.Read(settings.Input, settings.ReadOptions))
        {
            summary.Observe(e.CaseId, e.Activity);
            if (progress is null || (summary.EventsProcessed & 0xFFFF) != 0)
                continue;
            var now = Stopwatch.GetTimestamp();
            if (now < nextReport)
                continue;
            progress(summary.EventsProcessed, Stopwatch.GetElapsedTime(started, now));
            nextReport = now + ReportEvery;
        }
        var elapsed = Stopwatch.GetElapsedTime(started);
        var model = MinedModel.From(summary.GetCounts(), settings.Thresholds);
        return new MineResult(model, summary.EventsProcessed, summary.EntryCount, elapsed);
    }
}
