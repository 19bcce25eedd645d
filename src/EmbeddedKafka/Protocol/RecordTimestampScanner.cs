namespace EmbeddedKafka.Protocol;

/// <summary>
/// Walks the records of an uncompressed v2 batch (length varint, attributes int8, timestampDelta varlong,
/// offsetDelta varint, …; zig-zag varints as in the protocol guide) to find the first record whose
/// timestamp is at or after a target, for ListOffsets by time.
/// </summary>
public static class RecordTimestampScanner
{
    /// <summary>Offset and timestamp of the first record at or after <paramref name="target"/>; null when none or unreadable.</summary>
    public static (long Offset, long Timestamp)? FirstAtOrAfter(ReadOnlySpan<byte> batch, long target)
    {
        if (!RecordBatchHeader.TryRead(batch, out var header) || header.Compression != 0 || batch.Length < header.TotalSize)
        {
            return null;
        }

        var records = batch[RecordBatchHeader.Size..header.TotalSize];
        int position = 0;
        for (int i = 0; i < header.RecordCount; i++)
        {
            if (!TryReadVarLong(records, ref position, out long length) || length < 0 || position + length > records.Length)
            {
                return null;
            }

            int next = position + (int)length;
            position++; // attributes
            if (!TryReadVarLong(records, ref position, out long timestampDelta) ||
                !TryReadVarLong(records, ref position, out long offsetDelta) || position > next)
            {
                return null;
            }

            long timestamp = header.BaseTimestamp + timestampDelta;
            if (timestamp >= target)
            {
                return (header.BaseOffset + offsetDelta, timestamp);
            }

            position = next;
        }

        return null;
    }

    private static bool TryReadVarLong(ReadOnlySpan<byte> span, ref int position, out long value)
    {
        ulong raw = 0;
        for (int shift = 0; shift < 70; shift += 7)
        {
            if (position >= span.Length)
            {
                value = 0;
                return false;
            }

            byte b = span[position++];
            raw |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                value = (long)(raw >> 1) ^ -(long)(raw & 1);
                return true;
            }
        }

        value = 0;
        return false;
    }
}
