using HeuristicsBench.Workloads.Models;
using HeuristicsBench.Workloads.Streams;

namespace LoadGenerator.Streams;

/// <summary>Loads the model(s) of a <see cref="StreamSpec"/> and places the drift.</summary>
public static class ScheduleFactory
{
    /// <summary>
    /// The schedule for a stream of <paramref name="events"/> events (<see cref="long.MaxValue"/>: no known length).
    /// Bad models and a drift outside the stream throw <see cref="FormatException"/> (or <see cref="ArgumentException"/>)
    /// with a one-line message naming the file or the option.
    /// </summary>
    public static ModelSchedule Build(StreamSpec spec, long events)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var first = ModelCatalog.Load(spec.Model, spec.Seed);
        if (spec.DriftTo is null)
            return ModelSchedule.Of(first);
        if (spec.DriftAt is null && events == long.MaxValue)
            throw new FormatException("--drift-at: needed with --drift-to when the stream has no --events limit (the default is the middle of the stream)");
        var at = spec.DriftAt ?? events / 2;
        if (at <= 0 || at >= events)
            throw new FormatException($"--drift-at {at}: must be inside the stream (between 1 and --events - 1 = {events - 1})");
        var second = ModelCatalog.Load(spec.DriftTo, spec.Seed + 1);
        return new ModelSchedule([new ModelSegment(0, first), new ModelSegment(at, second, spec.DriftOver)]);
    }
}
