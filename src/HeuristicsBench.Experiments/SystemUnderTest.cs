namespace HeuristicsBench.Experiments;

/// <summary>The system being tested: topic partitions, miner options and the state checkpoint interval.</summary>
public sealed record SystemUnderTest(int Partitions, MinerOptions Miner, TimeSpan CheckpointInterval);

/// <summary>Lossy Counting Heuristics Miner parameters (defaults as in docs/algorithm.md).</summary>
public sealed record MinerOptions(double Epsilon, double DependencyThreshold, int PositiveObservations, double AndThreshold)
{
    public static MinerOptions Default { get; } = new(0.001, 0.9, 10, 0.1);
}
