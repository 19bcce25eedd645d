namespace HeuristicsMiner.Checkpoints;

/// <summary>
/// The saves a Kafka store knows to be in its topic (read by a load, or written by itself), per partition, so that a
/// newer save can name the ones it supersedes: every complete save of the partition with a next offset not above
/// the new one, and every incomplete save (a torn save is never loaded; if its writer, a previous owner, is still
/// finishing it, the new save is a consistent checkpoint to fall back on). Complete saves with a higher next offset
/// stay: they are newer than the one just made.
/// Thread-safe.
/// </summary>
public sealed class StoredCheckpointIndex
{
    private readonly Dictionary<PartitionId, Dictionary<Guid, StoredCheckpoint>> known = [];
    private readonly Lock gate = new();

    public void Add(StoredCheckpoint checkpoint)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        lock (gate)
        {
            if (!known.TryGetValue(checkpoint.Partition, out var saves))
                known[checkpoint.Partition] = saves = [];
            saves[checkpoint.CheckpointId] = checkpoint;
        }
    }

    /// <summary>Adds <paramref name="saved"/> (a complete save) and removes and returns the saves it supersedes.</summary>
    public IReadOnlyList<StoredCheckpoint> Supersede(StoredCheckpoint saved)
    {
        ArgumentNullException.ThrowIfNull(saved);
        if (!saved.Complete)
            throw new ArgumentException("only a complete save supersedes others", nameof(saved));
        lock (gate)
        {
            if (!known.TryGetValue(saved.Partition, out var saves))
                known[saved.Partition] = saves = [];
            var superseded = saves.Values
                .Where(s => s.CheckpointId != saved.CheckpointId && (!s.Complete || s.NextOffset <= saved.NextOffset))
                .ToList();
            foreach (var s in superseded)
                saves.Remove(s.CheckpointId);
            saves[saved.CheckpointId] = saved;
            return superseded;
        }
    }
}
