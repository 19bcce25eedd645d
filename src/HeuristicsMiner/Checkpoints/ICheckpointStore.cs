namespace HeuristicsMiner.Checkpoints;

/// <summary>
/// Durable per-partition checkpoints of one consumer group. Implementations keep each group's checkpoints apart
/// (two groups never share state) and store a checkpoint atomically: a load returns either a whole checkpoint that
/// was saved or an older one, never a torn one.
/// </summary>
public interface ICheckpointStore : IAsyncDisposable
{
    /// <summary>Human-readable location, for logs (e.g. "topic heuristics-miner.checkpoints", "directory /x/heuristics-miner").</summary>
    string Description { get; }

    /// <summary>
    /// Per requested partition, the complete checkpoint with the highest <see cref="PartitionCheckpoint.NextOffset"/>;
    /// partitions without one are absent. Highest offset, not latest write: every checkpoint is a consistent
    /// (state, offset) pair of the same deterministic function, so a late save from a previous owner cannot roll a
    /// partition back. Damaged or incomplete checkpoints are skipped with a warning.
    /// </summary>
    Task<IReadOnlyDictionary<PartitionId, PartitionCheckpoint>> LoadAsync(
        IReadOnlyCollection<PartitionId> partitions, CancellationToken cancellation = default);

    /// <summary>
    /// Stores a checkpoint; the task completes only once it is durable (broker acknowledged / file renamed and flushed).
    /// Saves of different partitions may run concurrently.
    /// </summary>
    Task SaveAsync(PartitionCheckpoint checkpoint, CancellationToken cancellation = default);
}
