namespace HeuristicsMiner.Checkpoints;

/// <summary>
/// What the Kafka store knows of one save in its topic, enough to write tombstones for its chunks: complete (all
/// chunks were read or acknowledged) or not (a torn save, or one still being written by someone else).
/// </summary>
public sealed record StoredCheckpoint(PartitionId Partition, Guid CheckpointId, long NextOffset, int ChunkCount, bool Complete);
