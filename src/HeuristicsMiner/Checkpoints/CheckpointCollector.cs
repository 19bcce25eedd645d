namespace HeuristicsMiner.Checkpoints;

/// <summary>
/// Reads the records of a checkpoint topic, in log order, and keeps per wanted partition the complete checkpoint
/// with the highest next offset. Chunks are grouped by checkpoint id; damaged records, chunks that disagree with
/// their siblings and states that fail their checksum are skipped with a warning, and saves still incomplete at the
/// end are ignored (with a warning, unless a tombstone already retired them). Tombstones (null values) do not take
/// a checkpoint out of the running: the store writes them only for saves that a newer complete one supersedes.
/// </summary>
public sealed class CheckpointCollector
{
    private readonly IReadOnlySet<PartitionId> wanted;
    private readonly Action<string> log;
    private readonly Dictionary<Guid, CheckpointAssembler> pending = [];
    private readonly Dictionary<Guid, StoredCheckpoint> seen = [];
    private readonly HashSet<Guid> failed = [];
    private readonly HashSet<Guid> tombstoned = [];
    private readonly Dictionary<PartitionId, PartitionCheckpoint> newest = [];

    public CheckpointCollector(IReadOnlySet<PartitionId> wanted, Action<string> log)
    {
        this.wanted = wanted ?? throw new ArgumentNullException(nameof(wanted));
        this.log = log ?? throw new ArgumentNullException(nameof(log));
    }

    /// <summary>Per wanted partition, the complete checkpoint with the highest next offset read so far.</summary>
    public IReadOnlyDictionary<PartitionId, PartitionCheckpoint> Newest => newest;

    /// <summary>Takes the next record; <paramref name="where"/> names it in warnings (e.g. "offset 17").</summary>
    public void Add(byte[]? key, byte[]? value, string where)
    {
        if (value is null)
        {
            if (key is not null && CheckpointRecordKey.TryParseCheckpointId(key, out var retired))
                tombstoned.Add(retired);
            return;
        }

        CheckpointEnvelope chunk;
        try
        {
            chunk = CheckpointEnvelope.FromBytes(value);
            if (key is null || !key.AsSpan().SequenceEqual(CheckpointRecordKey.For(chunk)))
                throw new InvalidDataException("its key does not match its content");
        }
        catch (InvalidDataException e)
        {
            log($"checkpoints: skipping damaged record at {where}: {e.Message}");
            return;
        }

        if (!wanted.Contains(chunk.Partition) || failed.Contains(chunk.CheckpointId))
            return;
        if (seen.TryGetValue(chunk.CheckpointId, out var known) && known.Complete)
            return; // a repeat of a chunk of a save already assembled

        seen[chunk.CheckpointId] = new StoredCheckpoint(chunk.Partition, chunk.CheckpointId, chunk.NextOffset, chunk.ChunkCount, Complete: false);
        try
        {
            if (pending.TryGetValue(chunk.CheckpointId, out var assembler))
                assembler.Add(chunk);
            else
                pending[chunk.CheckpointId] = assembler = new CheckpointAssembler(chunk);
            if (!assembler.IsComplete)
                return;
            pending.Remove(chunk.CheckpointId);
            Offer(assembler.Assemble());
            seen[chunk.CheckpointId] = seen[chunk.CheckpointId] with { Complete = true };
        }
        catch (InvalidDataException e)
        {
            log($"checkpoints: ignoring checkpoint {chunk.CheckpointId} of {chunk.Partition}@{chunk.NextOffset} (record at {where}): {e.Message}");
            pending.Remove(chunk.CheckpointId);
            failed.Add(chunk.CheckpointId);
        }
    }

    /// <summary>
    /// Ends the read: warns about saves that are still incomplete and returns every save of the wanted partitions
    /// seen and not yet retired by a tombstone (complete or not), for <see cref="StoredCheckpointIndex"/>.
    /// </summary>
    public IReadOnlyList<StoredCheckpoint> Finish()
    {
        foreach (var (id, assembler) in pending)
        {
            if (!tombstoned.Contains(id))
            {
                log($"checkpoints: ignoring incomplete checkpoint {id} of {assembler.Partition}@{assembler.NextOffset} " +
                    $"({assembler.ChunksReceived} of {assembler.ChunkCount} chunks)");
            }
        }

        return [.. seen.Values.Where(s => !tombstoned.Contains(s.CheckpointId))];
    }

    private void Offer(PartitionCheckpoint candidate)
    {
        // On a tie the later one wins; both are the same deterministic state anyway.
        if (!newest.TryGetValue(candidate.Partition, out var best) || candidate.NextOffset >= best.NextOffset)
            newest[candidate.Partition] = candidate;
    }
}
