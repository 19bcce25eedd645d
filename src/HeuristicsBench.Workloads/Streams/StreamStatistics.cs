namespace HeuristicsBench.Workloads.Streams;

/// <summary>What a generator has done so far.</summary>
public sealed class StreamStatistics
{
    public long Events { get; internal set; }
    public long CasesStarted { get; internal set; }
    public long CasesCompleted { get; internal set; }
    public long EmptyCases { get; internal set; }
    public long NoisyEvents { get; internal set; }

    /// <summary>Mean simulated case duration used to set the arrival rate.</summary>
    public TimeSpan EstimatedCaseDuration { get; internal set; }

    /// <summary>Largest number of cases in flight at once.</summary>
    public int PeakConcurrentCases { get; internal set; }
}
