namespace HeuristicsMiner.Checkpoints;

/// <summary>
/// A partition's miner state (a <c>SummarySnapshot</c>) together with the next input offset it reflects: the
/// state is exactly the partition's records before <paramref name="NextOffset"/>. Stored and restored as one unit.
/// </summary>
public sealed record PartitionCheckpoint(PartitionId Partition, long NextOffset, byte[] State);
