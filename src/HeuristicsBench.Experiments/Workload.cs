namespace HeuristicsBench.Experiments;

/// <summary>What the load generator plays: a process model at a rate (events per second) and shape, for a duration.</summary>
public sealed record Workload(string Model, double Rate, WorkloadShape Shape, TimeSpan Duration, long Seed);

/// <summary>How the event rate varies over a run.</summary>
public enum WorkloadShape
{
    /// <summary>The same rate throughout.</summary>
    Constant,

    /// <summary>From zero up to the rate over the run.</summary>
    Ramp,

    /// <summary>A sine wave around the rate (one period per run).</summary>
    Sine,
}
