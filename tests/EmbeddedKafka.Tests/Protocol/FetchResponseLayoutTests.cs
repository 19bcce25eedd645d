using EmbeddedKafka.Protocol;
using EmbeddedKafka.Tests.Support;

namespace EmbeddedKafka.Tests.Protocol;

/// <summary>
/// Fetch responses read field by field with the layout of Kafka's FetchResponse.json for each version, to the
/// last byte. librdkafka asks v11, so only clients that ask older versions see the older layouts: kafka-python
/// 2.0.2 asks v4, which has no log_start_offset (added in v5); writing it anyway shifted every later field, and
/// kafka-python read an empty record set forever.
/// </summary>
public sealed class FetchResponseLayoutTests
{
    private static void WriteProduceV5(KafkaWriter w, byte[] batch)
    {
        w.WriteNullableString(null);
        w.WriteInt16(-1);
        w.WriteInt32(30_000);
        w.WriteArrayLength(1);
        w.WriteString("t");
        w.WriteArrayLength(1);
        w.WriteInt32(0);
        w.WriteBytes(batch);
    }

    private static void WriteFetch(KafkaWriter w, short version)
    {
        w.WriteInt32(-1); // replica_id
        w.WriteInt32(0); // max_wait_ms
        w.WriteInt32(1); // min_bytes
        w.WriteInt32(1 << 20); // max_bytes (v3+)
        w.WriteInt8(0); // isolation_level (v4+)
        w.WriteArrayLength(1);
        w.WriteString("t");
        w.WriteArrayLength(1);
        w.WriteInt32(0);
        w.WriteInt64(0); // fetch_offset
        if (version >= 5)
        {
            w.WriteInt64(-1); // log_start_offset (v5+)
        }

        w.WriteInt32(1 << 20); // partition_max_bytes
    }

    [Theory]
    [InlineData(4)]
    [InlineData(5)]
    public async Task Fetch_response_has_exactly_the_fields_of_the_version_asked(short version)
    {
        await using var broker = BrokerFixture.Start();
        using var client = RawKafkaClient.Connect(broker);
        var produced = client.Request(ApiKey.Produce, 5, w => WriteProduceV5(w, RecordBatchBuilder.Values(3)));
        produced.Skip(4 + 2 + 1 + 4 + 4); // topic count, name "t", partition count, partition index
        Assert.Equal((short)ErrorCode.None, produced.ReadInt16());

        var r = client.Request(ApiKey.Fetch, version, w => WriteFetch(w, version));
        Assert.Equal(0, r.ReadInt32()); // throttle_time_ms
        Assert.Equal(1, r.ReadArrayLength());
        Assert.Equal("t", r.ReadString());
        Assert.Equal(1, r.ReadArrayLength());
        Assert.Equal(0, r.ReadInt32());
        Assert.Equal((short)ErrorCode.None, r.ReadInt16());
        Assert.Equal(3, r.ReadInt64()); // high_watermark
        Assert.Equal(3, r.ReadInt64()); // last_stable_offset
        if (version >= 5)
        {
            Assert.Equal(0, r.ReadInt64()); // log_start_offset
        }

        Assert.Equal(-1, r.ReadArrayLength()); // aborted_transactions: null for read_uncommitted
        byte[] records = r.ReadNullableBytes()?.ToArray() ?? [];
        Assert.True(RecordBatchHeader.TryRead(records, out var header));
        Assert.Equal(0, header.BaseOffset);
        Assert.Equal(3, header.RecordCount);
        Assert.Equal(records.Length, header.TotalSize);
        Assert.Equal(0, r.Remaining);
    }
}
