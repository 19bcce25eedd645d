using System.Buffers.Binary;
using Confluent.Kafka;
using EmbeddedKafka.Tests.Support;

namespace EmbeddedKafka.Tests.Clients;

public sealed class ProduceConsumeTests
{
    [Fact]
    public async Task Confluent_producer_acks_all_then_assigned_consumer_reads_everything_in_order()
    {
        await using var broker = BrokerFixture.Start(o => o with { DefaultPartitions = 3 });
        var config = new ProducerConfig { BootstrapServers = broker.BootstrapServers, Acks = Acks.All, LingerMs = 5 };
        using (var producer = new ProducerBuilder<string, string>(config).Build())
        {
            for (int i = 0; i < 1000; i++)
            {
                producer.Produce("smoke", new Message<string, string> { Key = $"k{i % 10}", Value = $"v{i}" });
            }

            Assert.Equal(0, producer.Flush(TimeSpan.FromSeconds(30)));
        }

        var seen = new Dictionary<string, List<int>>();
        foreach (var result in ClientHelpers.ReadAll<string, string>(broker.BootstrapServers, "smoke", 3))
        {
            int n = int.Parse(result.Message.Value[1..], System.Globalization.CultureInfo.InvariantCulture);
            (seen.TryGetValue(result.Message.Key, out var list) ? list : seen[result.Message.Key] = []).Add(n);
        }

        Assert.Equal(1000, seen.Values.Sum(l => l.Count));
        foreach (var (key, values) in seen)
        {
            Assert.Equal(values.Order(), values);
            Assert.All(values, v => Assert.Equal(key, $"k{v % 10}"));
        }
    }

    [Fact]
    public async Task Log_append_time_topic_gives_broker_timestamps_and_offsets_for_times_finds_batches()
    {
        await using var broker = BrokerFixture.Start(o => o with { DefaultTimestampType = EmbeddedKafka.Protocol.TimestampType.LogAppendTime });
        var config = new ProducerConfig { BootstrapServers = broker.BootstrapServers, Acks = Acks.All };
        using var producer = new ProducerBuilder<Null, string>(config).Build();
        var early = new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var delivered = await producer.ProduceAsync("lat", new Message<Null, string> { Value = "x", Timestamp = new Timestamp(early) }, TestContext.Current.CancellationToken);
        Assert.Equal(TimestampType.LogAppendTime, delivered.Timestamp.Type);
        var read = Assert.Single(ClientHelpers.ReadAll<Null, string>(broker.BootstrapServers, "lat", 1));
        Assert.Equal(TimestampType.LogAppendTime, read.Message.Timestamp.Type);
        Assert.True(read.Message.Timestamp.UtcDateTime > early.AddYears(10));

        using var consumer = new ConsumerBuilder<Null, string>(new ConsumerConfig { BootstrapServers = broker.BootstrapServers, GroupId = "t" }).Build();
        var found = consumer.OffsetsForTimes([new TopicPartitionTimestamp("lat", 0, new Timestamp(early))], TimeSpan.FromSeconds(30));
        Assert.Equal(0, Assert.Single(found).Offset.Value);
        var none = consumer.OffsetsForTimes([new TopicPartitionTimestamp("lat", 0, new Timestamp(DateTime.UtcNow.AddDays(1)))], TimeSpan.FromSeconds(30));
        Assert.Equal(Offset.End, Assert.Single(none).Offset);
        var watermarks = consumer.QueryWatermarkOffsets(new TopicPartition("lat", 0), TimeSpan.FromSeconds(30));
        Assert.Equal((0L, 1L), (watermarks.Low.Value, watermarks.High.Value));
    }

    [Theory]
    [InlineData(CompressionType.Gzip)]
    [InlineData(CompressionType.Snappy)]
    [InlineData(CompressionType.Lz4)]
    [InlineData(CompressionType.Zstd)]
    public async Task Compressed_batches_are_stored_as_sent_and_read_back(CompressionType compression)
    {
        await using var broker = BrokerFixture.Start();
        var config = new ProducerConfig { BootstrapServers = broker.BootstrapServers, Acks = Acks.All, CompressionType = compression, LingerMs = 5 };
        using (var producer = new ProducerBuilder<Null, string>(config).Build())
        {
            for (int i = 0; i < 5000; i++)
            {
                producer.Produce("zipped", new Message<Null, string> { Value = $"repetitive value number {i}" });
            }

            Assert.Equal(0, producer.Flush(TimeSpan.FromSeconds(30)));
        }

        var values = ClientHelpers.ReadAll<Null, string>(broker.BootstrapServers, "zipped", 1).Select(r => r.Message.Value).ToList();
        Assert.Equal(Enumerable.Range(0, 5000).Select(i => $"repetitive value number {i}"), values);
        Assert.True(broker.Topics.Get("zipped")!.Partitions[0].SizeInBytes < 5000 * 25, "batches stay compressed on disk");
    }
}
