using System.Buffers.Binary;

namespace EmbeddedKafka.Protocol;

/// <summary>
/// The fixed 61-byte header of a v2 record batch (Kafka protocol guide, "Record Batch"):
/// baseOffset int64, batchLength int32, partitionLeaderEpoch int32, magic int8, crc uint32 (CRC-32C over
/// attributes..end), attributes int16, lastOffsetDelta int32, baseTimestamp int64, maxTimestamp int64,
/// producerId int64, producerEpoch int16, baseSequence int32, recordCount int32.
/// The broker never decompresses: it stores batches as sent and rewrites only baseOffset, the leader epoch and,
/// for LogAppendTime topics, maxTimestamp and the timestamp-type bit (then the CRC).
/// </summary>
public readonly record struct RecordBatchHeader(
    long BaseOffset,
    int BatchLength,
    sbyte Magic,
    uint Crc,
    short Attributes,
    int LastOffsetDelta,
    long BaseTimestamp,
    long MaxTimestamp,
    long ProducerId,
    short ProducerEpoch,
    int BaseSequence,
    int RecordCount)
{
    public const int Size = 61;

    /// <summary>baseOffset + batchLength: the bytes before the part counted by batchLength.</summary>
    public const int LogOverhead = 12;

    public const int BaseOffsetOffset = 0;
    public const int BatchLengthOffset = 8;
    public const int PartitionLeaderEpochOffset = 12;
    public const int MagicOffset = 16;
    public const int CrcOffset = 17;
    public const int AttributesOffset = 21;
    public const int LastOffsetDeltaOffset = 23;
    public const int BaseTimestampOffset = 27;
    public const int MaxTimestampOffset = 35;

    public const short CompressionMask = 0x07;
    public const short TimestampTypeFlag = 0x08;
    public const short TransactionalFlag = 0x10;
    public const short ControlFlag = 0x20;

    /// <summary>Total bytes of the batch on the wire and on disk.</summary>
    public int TotalSize => BatchLength + LogOverhead;

    public long LastOffset => BaseOffset + LastOffsetDelta;

    public bool IsTransactional => (Attributes & TransactionalFlag) != 0;

    public bool IsControl => (Attributes & ControlFlag) != 0;

    public int Compression => Attributes & CompressionMask;

    /// <summary>Reads the header fields; false when fewer than <see cref="Size"/> bytes are present.</summary>
    public static bool TryRead(ReadOnlySpan<byte> span, out RecordBatchHeader header)
    {
        if (span.Length < Size)
        {
            header = default;
            return false;
        }

        header = new RecordBatchHeader(
            BinaryPrimitives.ReadInt64BigEndian(span),
            BinaryPrimitives.ReadInt32BigEndian(span[8..]),
            (sbyte)span[16],
            BinaryPrimitives.ReadUInt32BigEndian(span[17..]),
            BinaryPrimitives.ReadInt16BigEndian(span[21..]),
            BinaryPrimitives.ReadInt32BigEndian(span[23..]),
            BinaryPrimitives.ReadInt64BigEndian(span[27..]),
            BinaryPrimitives.ReadInt64BigEndian(span[35..]),
            BinaryPrimitives.ReadInt64BigEndian(span[43..]),
            BinaryPrimitives.ReadInt16BigEndian(span[51..]),
            BinaryPrimitives.ReadInt32BigEndian(span[53..]),
            BinaryPrimitives.ReadInt32BigEndian(span[57..]));
        return true;
    }

    /// <summary>True when <paramref name="batch"/> holds exactly this batch and its CRC-32C matches.</summary>
    public static bool CrcMatches(ReadOnlySpan<byte> batch)
    {
        if (batch.Length < Size)
        {
            return false;
        }

        uint stored = BinaryPrimitives.ReadUInt32BigEndian(batch[CrcOffset..]);
        return Crc32C.Compute(batch[AttributesOffset..]) == stored;
    }

    /// <summary>Recomputes and stores the CRC after the attributes or timestamps were changed.</summary>
    public static void RewriteCrc(Span<byte> batch)
    {
        BinaryPrimitives.WriteUInt32BigEndian(batch[CrcOffset..], Crc32C.Compute(batch[AttributesOffset..]));
    }
}
