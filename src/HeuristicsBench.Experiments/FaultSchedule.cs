namespace HeuristicsBench.Experiments;

/// <summary>
/// When a fault is active, relative to the start of the run: from <see cref="Start"/> for <see cref="Duration"/>
/// (null: until the end of the run; zero for instantaneous faults such as pod-kill), repeated
/// <see cref="Count"/> times, <see cref="Every"/> apart.
/// </summary>
public sealed record FaultSchedule(TimeSpan Start, TimeSpan? Duration, TimeSpan? Every, int Count)
{
    /// <summary>The active windows [start, end) of every repetition, within a run of <paramref name="runDuration"/>.</summary>
    public IReadOnlyList<(TimeSpan Start, TimeSpan End)> Windows(TimeSpan runDuration)
    {
        var windows = new List<(TimeSpan, TimeSpan)>(Count);
        for (var i = 0; i < Count; i++)
        {
            var start = Start + ((Every ?? TimeSpan.Zero) * i);
            windows.Add((start, Duration is { } d ? start + d : runDuration));
        }
        return windows;
    }
}
