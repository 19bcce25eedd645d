using EmbeddedKafka.Protocol;
using EmbeddedKafka.Tests.Support;

namespace EmbeddedKafka.Tests.Protocol;

public sealed class FetchLongPollTests
{
    private static void WriteProduce(KafkaWriter w, string topic, byte[] batch, short acks = -1)
    {
        w.WriteNullableString(null);
        w.WriteInt16(acks);
        w.WriteInt32(30_000);
        w.WriteArrayLength(1);
        w.WriteString(topic);
        w.WriteArrayLength(1);
        w.WriteInt32(0);
        w.WriteBytes(batch);
    }

    private static void WriteFetch(KafkaWriter w, string topic, long offset, int maxWaitMs, int minBytes)
    {
        w.WriteInt32(-1);
        w.WriteInt32(maxWaitMs);
        w.WriteInt32(minBytes);
        w.WriteInt32(1 << 20);
        w.WriteInt8(0);
        w.WriteArrayLength(1);
        w.WriteString(topic);
        w.WriteArrayLength(1);
        w.WriteInt32(0);
        w.WriteInt64(offset);
        w.WriteInt64(-1);
        w.WriteInt32(1 << 20);
    }

    private static (short Error, long HighWatermark, byte[] Records) ReadFetchV5(KafkaReader r)
    {
        r.ReadInt32(); // throttle
        Assert.Equal(1, r.ReadInt32());
        Assert.Equal("t", r.ReadString());
        Assert.Equal(1, r.ReadInt32());
        Assert.Equal(0, r.ReadInt32());
        short error = r.ReadInt16();
        long hw = r.ReadInt64();
        r.ReadInt64();
        r.ReadInt64();
        Assert.Equal(-1, r.ReadInt32()); // aborted transactions: null for read_uncommitted
        return (error, hw, r.ReadNullableBytes()?.ToArray() ?? []);
    }

    private static long ReadProduceOffset(KafkaReader r)
    {
        Assert.Equal(1, r.ReadInt32());
        r.ReadString();
        Assert.Equal(1, r.ReadInt32());
        r.ReadInt32();
        Assert.Equal((short)ErrorCode.None, r.ReadInt16());
        return r.ReadInt64();
    }

    [Fact]
    public async Task Fetch_waits_for_data_and_returns_the_stamped_batch()
    {
        await using var broker = BrokerFixture.Start();
        using var producer = RawKafkaClient.Connect(broker);
        using var consumer = RawKafkaClient.Connect(broker);
        Assert.Equal(0, ReadProduceOffset(producer.Request(ApiKey.Produce, 5, w => WriteProduce(w, "t", RecordBatchBuilder.Values(3)))));

        // Offset 3 is the end: the fetch must wait (up to 60 s) for the next append instead of answering empty.
        var fetch = Task.Run(() => ReadFetchV5(consumer.Request(ApiKey.Fetch, 5, w => WriteFetch(w, "t", 3, 60_000, 1))));
        Assert.Equal(3, ReadProduceOffset(producer.Request(ApiKey.Produce, 5, w => WriteProduce(w, "t", RecordBatchBuilder.Values(2, "w")))));
        var (error, hw, records) = await fetch;
        Assert.Equal((short)ErrorCode.None, error);
        Assert.Equal(5, hw);
        Assert.True(RecordBatchHeader.TryRead(records, out var header));
        Assert.Equal(3, header.BaseOffset);
        Assert.Equal(2, header.RecordCount);
        Assert.Equal(records.Length, header.TotalSize);
        Assert.True(RecordBatchHeader.CrcMatches(records));
    }

    [Fact]
    public async Task Fetch_with_unreachable_min_bytes_answers_with_what_there_is_after_max_wait()
    {
        await using var broker = BrokerFixture.Start();
        using var client = RawKafkaClient.Connect(broker);
        ReadProduceOffset(client.Request(ApiKey.Produce, 5, w => WriteProduce(w, "t", RecordBatchBuilder.Values(3))));
        var (error, hw, records) = ReadFetchV5(client.Request(ApiKey.Fetch, 5, w => WriteFetch(w, "t", 1, 50, 1 << 30)));
        Assert.Equal((short)ErrorCode.None, error);
        Assert.Equal(3, hw);
        Assert.True(RecordBatchHeader.TryRead(records, out var header));
        Assert.Equal(0, header.BaseOffset); // the whole batch holding offset 1
    }

    [Fact]
    public async Task Fetch_beyond_the_end_is_offset_out_of_range_at_once()
    {
        await using var broker = BrokerFixture.Start();
        using var client = RawKafkaClient.Connect(broker);
        ReadProduceOffset(client.Request(ApiKey.Produce, 5, w => WriteProduce(w, "t", RecordBatchBuilder.Values(3))));
        var (error, hw, records) = ReadFetchV5(client.Request(ApiKey.Fetch, 5, w => WriteFetch(w, "t", 10, 60_000, 1)));
        Assert.Equal((short)ErrorCode.OffsetOutOfRange, error);
        Assert.Equal(3, hw);
        Assert.Empty(records);
    }

    [Fact]
    public async Task Produce_with_a_bad_crc_is_corrupt_message_and_nothing_is_appended()
    {
        await using var broker = BrokerFixture.Start();
        using var client = RawKafkaClient.Connect(broker);
        var batch = RecordBatchBuilder.Values(3);
        batch[^1] ^= 0xFF;
        var r = client.Request(ApiKey.Produce, 5, w => WriteProduce(w, "t", batch));
        Assert.Equal(1, r.ReadInt32());
        r.ReadString();
        Assert.Equal(1, r.ReadInt32());
        r.ReadInt32();
        Assert.Equal((short)ErrorCode.CorruptMessage, r.ReadInt16());
        Assert.Equal(0, broker.Topics.Get("t")!.Partitions[0].LogEndOffset);
    }

    [Fact]
    public async Task Produce_with_acks_zero_gets_no_response_but_is_appended()
    {
        await using var broker = BrokerFixture.Start();
        using var client = RawKafkaClient.Connect(broker);
        using (var w = new KafkaWriter())
        {
            int size = w.ReserveInt32();
            w.WriteInt16((short)ApiKey.Produce);
            w.WriteInt16(5);
            w.WriteInt32(77);
            w.WriteNullableString("raw");
            WriteProduce(w, "t", RecordBatchBuilder.Values(4), acks: 0);
            w.PatchInt32(size, w.Length - 4);
            client.SendRaw(w.WrittenSpan);
        }

        // The next response on the connection must belong to the next request, not to the acks=0 produce.
        var (_, hw, _) = ReadFetchV5(client.Request(ApiKey.Fetch, 5, w => WriteFetch(w, "t", 0, 0, 0)));
        Assert.Equal(4, hw);
    }
}
