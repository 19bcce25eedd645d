using Confluent.Kafka;
using EmbeddedKafka.Tests.Support;

namespace EmbeddedKafka.Tests.Durability;

public sealed class RestartTests
{
    [Fact]
    public async Task Records_topics_and_committed_offsets_survive_a_clean_restart()
    {
        using var dir = new TempDirectory();
        await using (var broker = BrokerFixture.Start(o => o with { DefaultPartitions = 3 }, dir.Path))
        {
            var config = new ProducerConfig { BootstrapServers = broker.BootstrapServers, Acks = Acks.All, EnableIdempotence = true };
            using var producer = new ProducerBuilder<Null, string>(config).Build();
            for (int i = 0; i < 300; i++)
            {
                producer.Produce(new Confluent.Kafka.TopicPartition("kept", i % 3), new Message<Null, string> { Value = $"m{i}" });
            }

            Assert.Equal(0, producer.Flush(TimeSpan.FromSeconds(30)));
            var consumerConfig = new ConsumerConfig { BootstrapServers = broker.BootstrapServers, GroupId = "resume", EnableAutoCommit = false };
            using var consumer = new ConsumerBuilder<Null, string>(consumerConfig).Build();
            consumer.Commit([new TopicPartitionOffset("kept", 0, 40), new TopicPartitionOffset("kept", 2, 100)]);
        }

        await using (var broker = BrokerFixture.Start(o => o with { DefaultPartitions = 1 }, dir.Path))
        {
            var all = ClientHelpers.ReadAll<Null, string>(broker.BootstrapServers, "kept", 3);
            Assert.Equal(300, all.Count);
            var consumerConfig = new ConsumerConfig { BootstrapServers = broker.BootstrapServers, GroupId = "resume", EnableAutoCommit = false };
            using var consumer = new ConsumerBuilder<Null, string>(consumerConfig).Build();
            var committed = consumer.Committed(
                [new Confluent.Kafka.TopicPartition("kept", 0), new Confluent.Kafka.TopicPartition("kept", 1), new Confluent.Kafka.TopicPartition("kept", 2)],
                TimeSpan.FromSeconds(30));
            Assert.Equal([40L, Offset.Unset.Value, 100L], committed.OrderBy(c => c.Partition.Value).Select(c => c.Offset.Value));

            // A fresh idempotent producer after the restart gets a new producer id and appends after the old data.
            var config = new ProducerConfig { BootstrapServers = broker.BootstrapServers, EnableIdempotence = true };
            using var producer = new ProducerBuilder<Null, string>(config).Build();
            var result = await producer.ProduceAsync(new Confluent.Kafka.TopicPartition("kept", 1), new Message<Null, string> { Value = "after" }, TestContext.Current.CancellationToken);
            Assert.Equal(100, result.Offset.Value);
        }
    }
}
