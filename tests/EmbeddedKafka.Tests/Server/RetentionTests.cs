using Confluent.Kafka;
using EmbeddedKafka.Tests.Support;

namespace EmbeddedKafka.Tests.Server;

public sealed class RetentionTests
{
    [Fact]
    public async Task Maintenance_applies_size_retention_and_clients_see_the_new_earliest_offset()
    {
        await using var broker = BrokerFixture.Start(o => o with
        {
            SegmentBytes = 64 * 1024,
            RetentionBytes = 256 * 1024,
            RetentionCheckInterval = TimeSpan.FromMilliseconds(100),
        });
        var config = new ProducerConfig { BootstrapServers = broker.BootstrapServers, Acks = Acks.All, LingerMs = 1, BatchSize = 16_384 };
        using (var producer = new ProducerBuilder<Null, string>(config).Build())
        {
            for (int i = 0; i < 20_000; i++)
            {
                producer.Produce("rolling", new Message<Null, string> { Value = $"{i:D8} {new string('r', 60)}" });
            }

            Assert.Equal(0, producer.Flush(TimeSpan.FromSeconds(30)));
        }

        var log = broker.Topics.Get("rolling")!.Partitions[0];
        await Eventually.WaitAsync(() => log.LogStartOffset > 0, "retention pass dropped old segments");
        while (broker.ApplyRetentionNow() > 0)
        {
            // settle: later background passes now find nothing more to delete
        }

        Assert.True(log.SizeInBytes < 256 * 1024 + (64 * 1024));
        Assert.Equal(20_000, log.LogEndOffset);

        using var consumer = new ConsumerBuilder<Null, string>(new ConsumerConfig
        {
            BootstrapServers = broker.BootstrapServers,
            GroupId = "late",
            AutoOffsetReset = AutoOffsetReset.Earliest,
            EnableAutoCommit = false,
        }).Build();
        var watermarks = consumer.QueryWatermarkOffsets(new Confluent.Kafka.TopicPartition("rolling", 0), TimeSpan.FromSeconds(30));
        Assert.Equal(log.LogStartOffset, watermarks.Low.Value);

        // Asking for offset 0, now gone, is OFFSET_OUT_OF_RANGE; the client resets to the earliest kept record.
        consumer.Assign(new TopicPartitionOffset("rolling", 0, 0));
        var first = consumer.Consume(TimeSpan.FromSeconds(30)) ?? throw new TimeoutException("nothing consumed");
        Assert.Equal(log.LogStartOffset, first.Offset.Value);
        Assert.StartsWith(first.Offset.Value.ToString("D8", System.Globalization.CultureInfo.InvariantCulture), first.Message.Value, StringComparison.Ordinal);
    }
}
