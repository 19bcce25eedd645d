using Confluent.Kafka;

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

        var consumerConfig = new ConsumerConfig
        {
            BootstrapServers = broker.BootstrapServers,
            GroupId = "unused",
            EnableAutoCommit = false,
            EnablePartitionEof = true,
        };
        using var consumer = new ConsumerBuilder<string, string>(consumerConfig).Build();
        consumer.Assign(Enumerable.Range(0, 3).Select(p => new TopicPartitionOffset("smoke", p, Offset.Beginning)));
        var seen = new Dictionary<string, List<int>>();
        int eof = 0;
        while (eof < 3)
        {
            var result = consumer.Consume(TimeSpan.FromSeconds(30)) ?? throw new TimeoutException("no message");
            if (result.IsPartitionEOF)
            {
                eof++;
                continue;
            }

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
}
