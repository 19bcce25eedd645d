using EmbeddedKafka.Protocol;

namespace EmbeddedKafka.Handlers;

/// <summary>
/// Checks a produced partition payload as Kafka does for magic v2: exactly one whole batch, magic 2, a
/// matching CRC-32C, a record count that agrees with lastOffsetDelta, no control or transactional batch
/// (transactions are not served), and at most max.message.bytes.
/// </summary>
internal static class RecordBatchValidator
{
    public static ErrorCode Validate(ReadOnlySpan<byte> records, int maxMessageBytes, out RecordBatchHeader header)
    {
        if (!RecordBatchHeader.TryRead(records, out header))
        {
            return ErrorCode.CorruptMessage;
        }

        if (header.Magic != 2)
        {
            return ErrorCode.UnsupportedForMessageFormat;
        }

        if (header.BatchLength < RecordBatchHeader.Size - RecordBatchHeader.LogOverhead ||
            (long)header.BatchLength + RecordBatchHeader.LogOverhead > records.Length)
        {
            return ErrorCode.CorruptMessage;
        }

        if (header.TotalSize < records.Length)
        {
            return ErrorCode.InvalidRecord;
        }

        if (header.TotalSize > maxMessageBytes)
        {
            return ErrorCode.MessageTooLarge;
        }

        if (!RecordBatchHeader.CrcMatches(records))
        {
            return ErrorCode.CorruptMessage;
        }

        if (header.RecordCount <= 0 || header.LastOffsetDelta != header.RecordCount - 1 ||
            header.IsControl || header.IsTransactional)
        {
            return ErrorCode.InvalidRecord;
        }

        return ErrorCode.None;
    }
}
