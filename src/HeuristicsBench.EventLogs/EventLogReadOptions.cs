namespace HeuristicsBench.EventLogs;

/// <summary>Options for <see cref="EventLogReader.Read(string, EventLogReadOptions?)"/>.</summary>
/// <param name="Lifecycle">Which events to keep by their lifecycle transition.</param>
/// <param name="InterleaveSeed">Seed of the <see cref="SplitMix64"/> generator that interleaves XES traces without complete timestamps (see <see cref="TraceInterleaver"/>).</param>
/// <param name="InterleaveOpenCases">How many traces may be open at once while interleaving; at least 1.</param>
public sealed record EventLogReadOptions(
    LifecycleFilter Lifecycle = LifecycleFilter.CompleteOnly,
    int InterleaveSeed = 42,
    int InterleaveOpenCases = 10);
