using HeuristicsBench.EventLogs;
using HeuristicsBench.Workloads.Streams;
using LoadGenerator.Streams;

namespace LoadGenerator.Production;

/// <summary>The events to produce (lazily) and, for a simulated model, the schedule their ground truth comes from.</summary>
/// <param name="Schedule">Null for a replayed log, which has no ground truth.</param>
public sealed record EventPlan(IEnumerable<StreamEvent> Events, ModelSchedule? Schedule)
{
    /// <summary>
    /// Loads the model(s) or checks the log to replay. Bad input throws <see cref="FormatException"/>,
    /// <see cref="ArgumentException"/> or <see cref="EventLogFormatException"/> with a one-line message.
    /// </summary>
    /// <param name="events">Null: no limit.</param>
    public static EventPlan Create(StreamSpec spec, long? events)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var total = events ?? long.MaxValue;
        if (spec.Replay is { } replay)
        {
            if (!File.Exists(replay))
                throw new FormatException($"--replay {replay}: no such file");
            return new EventPlan(spec.ReplayEvents(total), null);
        }
        var schedule = ScheduleFactory.Build(spec, total);
        var generator = new EventStreamGenerator(schedule, spec.Settings);
        return new EventPlan(generator.Generate(total), schedule);
    }
}
