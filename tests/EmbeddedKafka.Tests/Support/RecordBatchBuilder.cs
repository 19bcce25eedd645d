using System.Buffers.Binary;
using EmbeddedKafka.Protocol;

namespace EmbeddedKafka.Tests.Support;

/// <summary>
/// Builds uncompressed v2 record batches from the Kafka protocol guide's layout, independently of the
/// broker's code except for CRC-32C (checked separately against the published test vector).
/// </summary>
public static class RecordBatchBuilder
{
    public static byte[] Build(
        IReadOnlyList<(byte[]? Key, byte[]? Value)> records,
        long baseTimestamp = 1_700_000_000_000,
        long producerId = -1,
        short producerEpoch = -1,
        int baseSequence = -1)
    {
        var body = new List<byte>();
        for (int i = 0; i < records.Count; i++)
        {
            var record = new List<byte> { 0 };
            WriteVarLong(record, i);
            WriteVarLong(record, i);
            WriteBytes(record, records[i].Key);
            WriteBytes(record, records[i].Value);
            WriteVarLong(record, 0);
            WriteVarLong(body, record.Count);
            body.AddRange(record);
        }

        var batch = new byte[RecordBatchHeader.Size + body.Count];
        var span = batch.AsSpan();
        BinaryPrimitives.WriteInt64BigEndian(span, 0);
        BinaryPrimitives.WriteInt32BigEndian(span[8..], batch.Length - 12);
        BinaryPrimitives.WriteInt32BigEndian(span[12..], -1);
        span[16] = 2;
        BinaryPrimitives.WriteInt16BigEndian(span[21..], 0);
        BinaryPrimitives.WriteInt32BigEndian(span[23..], records.Count - 1);
        BinaryPrimitives.WriteInt64BigEndian(span[27..], baseTimestamp);
        BinaryPrimitives.WriteInt64BigEndian(span[35..], baseTimestamp + records.Count - 1);
        BinaryPrimitives.WriteInt64BigEndian(span[43..], producerId);
        BinaryPrimitives.WriteInt16BigEndian(span[51..], producerEpoch);
        BinaryPrimitives.WriteInt32BigEndian(span[53..], baseSequence);
        BinaryPrimitives.WriteInt32BigEndian(span[57..], records.Count);
        body.CopyTo(batch, RecordBatchHeader.Size);
        BinaryPrimitives.WriteUInt32BigEndian(span[17..], Crc32C.Compute(span[21..]));
        return batch;
    }

    public static byte[] Values(int count, string prefix = "v", long baseTimestamp = 1_700_000_000_000) =>
        Build([.. Enumerable.Range(0, count).Select(i => ((byte[]?)null, (byte[]?)System.Text.Encoding.UTF8.GetBytes($"{prefix}{i}")))], baseTimestamp);

    private static void WriteBytes(List<byte> output, byte[]? value)
    {
        if (value is null)
        {
            WriteVarLong(output, -1);
            return;
        }

        WriteVarLong(output, value.Length);
        output.AddRange(value);
    }

    private static void WriteVarLong(List<byte> output, long value)
    {
        ulong zigzag = (ulong)((value << 1) ^ (value >> 63));
        while (zigzag >= 0x80)
        {
            output.Add((byte)(zigzag | 0x80));
            zigzag >>= 7;
        }

        output.Add((byte)zigzag);
    }
}
