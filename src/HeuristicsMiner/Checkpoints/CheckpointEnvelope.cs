using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;

namespace HeuristicsMiner.Checkpoints;

/// <summary>
/// One stored piece of a checkpoint: which partition and offset it belongs to, which save it came from, which chunk
/// of that save's state it carries, and the chunk's bytes. A state too large for one record is split into chunks
/// (<see cref="Split"/>) that share the checkpoint id, total length and state checksum; <see cref="CheckpointAssembler"/>
/// puts them back together.
/// <para>
/// Layout (little endian): magic "HBCK", format version (byte), topic (uint16 length + UTF-8), partition (int32),
/// next offset (int64), checkpoint id (16 bytes), chunk index (int32), chunk count (int32), state length (int32),
/// state checksum (uint64, XxHash64 of the whole state), chunk length (int32), chunk bytes, then the record checksum
/// (uint64, XxHash64 of everything before it), so damage to any byte of one record is caught when it is decoded and
/// damage that survives per-record checks (a wrong chunk put in) is caught by the state checksum.
/// </para>
/// </summary>
public sealed class CheckpointEnvelope
{
    public const byte FormatVersion = 1;
    private const int ChecksumSize = sizeof(ulong);
    private static readonly byte[] Magic = "HBCK"u8.ToArray();

    public CheckpointEnvelope(
        PartitionId partition, long nextOffset, Guid checkpointId, int chunkIndex, int chunkCount,
        int stateLength, ulong stateChecksum, ReadOnlyMemory<byte> chunk)
    {
        ArgumentNullException.ThrowIfNull(partition.Topic);
        ArgumentOutOfRangeException.ThrowIfNegative(partition.Partition);
        ArgumentOutOfRangeException.ThrowIfNegative(nextOffset);
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkCount, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(chunkIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(chunkIndex, chunkCount);
        ArgumentOutOfRangeException.ThrowIfNegative(stateLength);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(chunk.Length, stateLength);
        if (Encoding.UTF8.GetByteCount(partition.Topic) > ushort.MaxValue)
            throw new ArgumentException($"topic name is longer than {ushort.MaxValue} bytes", nameof(partition));
        Partition = partition;
        NextOffset = nextOffset;
        CheckpointId = checkpointId;
        ChunkIndex = chunkIndex;
        ChunkCount = chunkCount;
        StateLength = stateLength;
        StateChecksum = stateChecksum;
        Chunk = chunk;
    }

    public PartitionId Partition { get; }

    public long NextOffset { get; }

    /// <summary>Unique per save: the chunks of one save share it, and no two saves do.</summary>
    public Guid CheckpointId { get; }

    public int ChunkIndex { get; }

    public int ChunkCount { get; }

    /// <summary>Length of the whole state (all chunks together).</summary>
    public int StateLength { get; }

    /// <summary><see cref="ChecksumOf"/> the whole state.</summary>
    public ulong StateChecksum { get; }

    public ReadOnlyMemory<byte> Chunk { get; }

    public static ulong ChecksumOf(ReadOnlySpan<byte> state) => XxHash64.HashToUInt64(state);

    /// <summary>
    /// The envelopes of one save of <paramref name="checkpoint"/>: chunks of at most <paramref name="chunkSize"/> bytes
    /// in order (one empty chunk for an empty state).
    /// </summary>
    public static IReadOnlyList<CheckpointEnvelope> Split(PartitionCheckpoint checkpoint, Guid checkpointId, int chunkSize)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        ArgumentNullException.ThrowIfNull(checkpoint.State);
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkSize, 1);
        var state = checkpoint.State;
        var checksum = ChecksumOf(state);
        var count = Math.Max(1, (int)((state.LongLength + chunkSize - 1) / chunkSize));
        var envelopes = new CheckpointEnvelope[count];
        for (int i = 0; i < count; i++)
        {
            var start = i * chunkSize;
            var length = Math.Min(chunkSize, state.Length - start);
            envelopes[i] = new CheckpointEnvelope(checkpoint.Partition, checkpoint.NextOffset, checkpointId, i, count,
                state.Length, checksum, state.AsMemory(start, length));
        }

        return envelopes;
    }

    public byte[] ToBytes()
    {
        var topic = Encoding.UTF8.GetBytes(Partition.Topic);
        var size = Magic.Length + 1 + 2 + topic.Length + 4 + 8 + 16 + 4 + 4 + 4 + 8 + 4 + Chunk.Length + ChecksumSize;
        var bytes = new byte[size];
        var span = bytes.AsSpan();
        var at = 0;
        Magic.CopyTo(span);
        at += Magic.Length;
        span[at++] = FormatVersion;
        BinaryPrimitives.WriteUInt16LittleEndian(span[at..], (ushort)topic.Length);
        at += 2;
        topic.CopyTo(span[at..]);
        at += topic.Length;
        BinaryPrimitives.WriteInt32LittleEndian(span[at..], Partition.Partition);
        at += 4;
        BinaryPrimitives.WriteInt64LittleEndian(span[at..], NextOffset);
        at += 8;
        CheckpointId.TryWriteBytes(span.Slice(at, 16));
        at += 16;
        BinaryPrimitives.WriteInt32LittleEndian(span[at..], ChunkIndex);
        at += 4;
        BinaryPrimitives.WriteInt32LittleEndian(span[at..], ChunkCount);
        at += 4;
        BinaryPrimitives.WriteInt32LittleEndian(span[at..], StateLength);
        at += 4;
        BinaryPrimitives.WriteUInt64LittleEndian(span[at..], StateChecksum);
        at += 8;
        BinaryPrimitives.WriteInt32LittleEndian(span[at..], Chunk.Length);
        at += 4;
        Chunk.Span.CopyTo(span[at..]);
        at += Chunk.Length;
        BinaryPrimitives.WriteUInt64LittleEndian(span[at..], XxHash64.HashToUInt64(span[..at]));
        return bytes;
    }

    /// <summary>Decodes one record; a damaged or foreign one throws <see cref="InvalidDataException"/> saying why.</summary>
    public static CheckpointEnvelope FromBytes(ReadOnlySpan<byte> record)
    {
        if (record.Length < Magic.Length || !record[..Magic.Length].SequenceEqual(Magic))
            throw new InvalidDataException("not a checkpoint record (bad magic)");
        if (record.Length < Magic.Length + 1)
            throw new InvalidDataException("checkpoint record is truncated (no format version)");
        var version = record[Magic.Length];
        if (version != FormatVersion)
            throw new InvalidDataException($"checkpoint format version {version} is not supported (this build reads {FormatVersion})");
        if (record.Length < Magic.Length + 1 + ChecksumSize)
            throw new InvalidDataException("checkpoint record is truncated (shorter than its checksum)");

        var body = record[..^ChecksumSize];
        var stored = BinaryPrimitives.ReadUInt64LittleEndian(record[^ChecksumSize..]);
        if (XxHash64.HashToUInt64(body) != stored)
            throw new InvalidDataException("checkpoint record checksum mismatch (damaged or truncated)");

        var reader = new FieldReader(body, Magic.Length + 1);
        var topicLength = reader.UInt16("topic length");
        var topic = Encoding.UTF8.GetString(reader.Bytes(topicLength, "topic"));
        var partition = reader.Int32("partition");
        var nextOffset = reader.Int64("next offset");
        var id = new Guid(reader.Bytes(16, "checkpoint id"));
        var index = reader.Int32("chunk index");
        var count = reader.Int32("chunk count");
        var stateLength = reader.Int32("state length");
        var stateChecksum = reader.UInt64("state checksum");
        var chunkLength = reader.Int32("chunk length");
        if (chunkLength < 0)
            throw new InvalidDataException($"checkpoint chunk length {chunkLength} is negative");
        var chunk = reader.Bytes(chunkLength, "chunk").ToArray();
        if (reader.Remaining != 0)
            throw new InvalidDataException($"checkpoint record has {reader.Remaining} trailing bytes");

        if (partition < 0)
            throw new InvalidDataException($"checkpoint partition {partition} is negative");
        if (nextOffset < 0)
            throw new InvalidDataException($"checkpoint next offset {nextOffset} is negative");
        if (count < 1 || index < 0 || index >= count)
            throw new InvalidDataException($"checkpoint chunk {index} of {count} is out of range");
        if (stateLength < 0 || chunkLength > stateLength)
            throw new InvalidDataException($"checkpoint chunk of {chunkLength} bytes does not fit a state of {stateLength} bytes");
        return new CheckpointEnvelope(new PartitionId(topic, partition), nextOffset, id, index, count, stateLength, stateChecksum, chunk);
    }

    /// <summary>Reads fixed fields front to back, reporting a record that ends early by the field it was reading.</summary>
    private ref struct FieldReader(ReadOnlySpan<byte> data, int start)
    {
        private readonly ReadOnlySpan<byte> data = data;
        private int at = start;

        public readonly int Remaining => data.Length - at;

        public ReadOnlySpan<byte> Bytes(int length, string field)
        {
            if (length > Remaining)
                throw new InvalidDataException($"checkpoint record is truncated (in the {field})");
            var bytes = data.Slice(at, length);
            at += length;
            return bytes;
        }

        public ushort UInt16(string field) => BinaryPrimitives.ReadUInt16LittleEndian(Bytes(2, field));

        public int Int32(string field) => BinaryPrimitives.ReadInt32LittleEndian(Bytes(4, field));

        public long Int64(string field) => BinaryPrimitives.ReadInt64LittleEndian(Bytes(8, field));

        public ulong UInt64(string field) => BinaryPrimitives.ReadUInt64LittleEndian(Bytes(8, field));
    }
}
