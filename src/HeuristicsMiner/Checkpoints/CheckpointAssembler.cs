namespace HeuristicsMiner.Checkpoints;

/// <summary>
/// Collects the chunks of one save (one checkpoint id) in any order until all are there, then rebuilds the
/// checkpoint and checks the whole state against its length and checksum.
/// </summary>
public sealed class CheckpointAssembler
{
    private readonly CheckpointEnvelope first;
    private readonly ReadOnlyMemory<byte>?[] chunks;
    private int received;

    public CheckpointAssembler(CheckpointEnvelope first)
    {
        ArgumentNullException.ThrowIfNull(first);
        this.first = first;
        chunks = new ReadOnlyMemory<byte>?[first.ChunkCount];
        chunks[first.ChunkIndex] = first.Chunk;
        received = 1;
    }

    public PartitionId Partition => first.Partition;

    public long NextOffset => first.NextOffset;

    public Guid CheckpointId => first.CheckpointId;

    public int ChunkCount => chunks.Length;

    public int ChunksReceived => received;

    public bool IsComplete => received == chunks.Length;

    /// <summary>
    /// Adds a chunk of the same save. A repeat of a chunk already held with the same bytes is ignored; a chunk whose
    /// header disagrees with the others, or a different chunk under an index already held, throws
    /// <see cref="InvalidDataException"/>.
    /// </summary>
    public void Add(CheckpointEnvelope chunk)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        if (chunk.CheckpointId != first.CheckpointId)
            throw new ArgumentException($"chunk of checkpoint {chunk.CheckpointId} given to the assembler of {first.CheckpointId}", nameof(chunk));
        if (chunk.Partition != first.Partition || chunk.NextOffset != first.NextOffset || chunk.ChunkCount != first.ChunkCount
            || chunk.StateLength != first.StateLength || chunk.StateChecksum != first.StateChecksum)
        {
            throw new InvalidDataException(
                $"chunk {chunk.ChunkIndex} of checkpoint {first.CheckpointId} disagrees with its other chunks " +
                $"({chunk.Partition}@{chunk.NextOffset}, {chunk.ChunkCount} chunks, {chunk.StateLength} bytes vs " +
                $"{first.Partition}@{first.NextOffset}, {first.ChunkCount} chunks, {first.StateLength} bytes)");
        }

        if (chunks[chunk.ChunkIndex] is { } held)
        {
            if (!held.Span.SequenceEqual(chunk.Chunk.Span))
                throw new InvalidDataException($"checkpoint {first.CheckpointId} has two different chunks {chunk.ChunkIndex}");
            return;
        }

        chunks[chunk.ChunkIndex] = chunk.Chunk;
        received++;
    }

    /// <summary>The whole checkpoint; throws <see cref="InvalidDataException"/> if the state's length or checksum is wrong.</summary>
    public PartitionCheckpoint Assemble()
    {
        if (!IsComplete)
            throw new InvalidOperationException($"checkpoint {first.CheckpointId} has {received} of {chunks.Length} chunks");
        long total = 0;
        foreach (var chunk in chunks)
            total += chunk!.Value.Length;
        if (total != first.StateLength)
            throw new InvalidDataException($"checkpoint {first.CheckpointId} chunks hold {total} bytes, the state has {first.StateLength}");

        var state = new byte[first.StateLength];
        var at = 0;
        foreach (var chunk in chunks)
        {
            chunk!.Value.Span.CopyTo(state.AsSpan(at));
            at += chunk.Value.Length;
        }

        if (CheckpointEnvelope.ChecksumOf(state) != first.StateChecksum)
            throw new InvalidDataException($"checkpoint {first.CheckpointId} state checksum mismatch");
        return new PartitionCheckpoint(first.Partition, first.NextOffset, state);
    }
}
