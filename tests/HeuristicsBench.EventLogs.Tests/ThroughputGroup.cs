namespace HeuristicsBench.EventLogs.Tests;

/// <summary>Runs the throughput tests alone, so that other tests do not share the CPU while they measure.</summary>
[CollectionDefinition(nameof(ThroughputGroup), DisableParallelization = true)]
public sealed class ThroughputGroup
{
}
