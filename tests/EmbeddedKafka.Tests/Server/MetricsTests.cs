using Confluent.Kafka;
using EmbeddedKafka.Storage;
using EmbeddedKafka.Tests.Support;

namespace EmbeddedKafka.Tests.Server;

public sealed class MetricsTests
{
    [Fact]
    public async Task Scrape_reports_traffic_offsets_committed_offsets_and_lag_under_kafka_exporter_names()
    {
        await using var broker = BrokerFixture.Start();
        broker.Topics.Create("m", new TopicConfig { Partitions = 2 });
        var config = new ProducerConfig { BootstrapServers = broker.BootstrapServers, Acks = Acks.All };
        using (var producer = new ProducerBuilder<Null, string>(config).Build())
        {
            for (int i = 0; i < 100; i++)
            {
                producer.Produce(new Confluent.Kafka.TopicPartition("m", i % 2), new Message<Null, string> { Value = "0123456789" });
            }

            Assert.Equal(0, producer.Flush(TimeSpan.FromSeconds(30)));
        }

        var consumerConfig = new ConsumerConfig { BootstrapServers = broker.BootstrapServers, GroupId = "mg", EnableAutoCommit = false };
        using (var consumer = new ConsumerBuilder<Null, string>(consumerConfig).Build())
        {
            consumer.Commit([new TopicPartitionOffset("m", 0, 30)]);
        }

        ClientHelpers.ReadAll<Null, string>(broker.BootstrapServers, "m", 2);
        string text = await broker.Metrics.ScrapeAsync(TestContext.Current.CancellationToken);
        Assert.Contains("kafka_topic_partition_current_offset{topic=\"m\",partition=\"0\"} 50", text);
        Assert.Contains("kafka_topic_partition_oldest_offset{topic=\"m\",partition=\"1\"} 0", text);
        Assert.Contains("kafka_topic_partitions{topic=\"m\"} 2", text);
        Assert.Contains("kafka_consumergroup_current_offset{consumergroup=\"mg\",topic=\"m\",partition=\"0\"} 30", text);
        Assert.Contains("kafka_consumergroup_lag{consumergroup=\"mg\",topic=\"m\",partition=\"0\"} 20", text);
        Assert.DoesNotContain("kafka_consumergroup_lag{consumergroup=\"mg\",topic=\"m\",partition=\"1\"}", text);
        Assert.Contains("kafka_server_topic_messages_in_total{topic=\"m\"} 100", text);
        Assert.Contains("kafka_server_topic_messages_out_total{topic=\"m\"} 100", text);
        Assert.Matches("kafka_server_topic_bytes_in_total\\{topic=\"m\"\\} [1-9][0-9]{3}", text);

        var bigConfig = new ProducerConfig { BootstrapServers = broker.BootstrapServers, MessageMaxBytes = 4_000_000, MessageSendMaxRetries = 0 };
        using (var big = new ProducerBuilder<Null, byte[]>(bigConfig).Build())
        {
            await Assert.ThrowsAsync<ProduceException<Null, byte[]>>(() =>
                big.ProduceAsync("m", new Message<Null, byte[]> { Value = new byte[1_200_000] }, TestContext.Current.CancellationToken));
        }

        Assert.Contains(
            "kafka_server_rejected_batches_total{topic=\"m\",error=\"MessageTooLarge\"} 1",
            await broker.Metrics.ScrapeAsync(TestContext.Current.CancellationToken));

        broker.Topics.Delete("m");
        string after = await broker.Metrics.ScrapeAsync(TestContext.Current.CancellationToken);
        Assert.DoesNotContain("kafka_consumergroup_lag{consumergroup=\"mg\"", after);
        Assert.DoesNotContain("kafka_topic_partition_current_offset{topic=\"m\"", after);
    }
}
