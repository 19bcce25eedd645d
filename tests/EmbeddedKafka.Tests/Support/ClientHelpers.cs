using Confluent.Kafka;

namespace EmbeddedKafka.Tests.Support;

/// <summary>Small helpers around Confluent.Kafka clients for the tests.</summary>
public static class ClientHelpers
{
    /// <summary>Reads every partition of a topic from the beginning to its end (partition EOF), in order.</summary>
    public static List<ConsumeResult<TKey, TValue>> ReadAll<TKey, TValue>(string bootstrap, string topic, int partitions)
    {
        var config = new ConsumerConfig
        {
            BootstrapServers = bootstrap,
            GroupId = "reader-" + Guid.NewGuid().ToString("N"),
            EnableAutoCommit = false,
            EnablePartitionEof = true,
            FetchWaitMaxMs = 50,
        };
        using var consumer = new ConsumerBuilder<TKey, TValue>(config).Build();
        consumer.Assign(Enumerable.Range(0, partitions).Select(p => new TopicPartitionOffset(topic, p, Offset.Beginning)));
        var results = new List<ConsumeResult<TKey, TValue>>();
        var atEnd = new HashSet<int>();
        while (atEnd.Count < partitions)
        {
            var result = consumer.Consume(TimeSpan.FromSeconds(60)) ?? throw new TimeoutException($"no message or EOF from {topic} in 60 s");
            if (result.IsPartitionEOF)
            {
                atEnd.Add(result.Partition.Value);
            }
            else
            {
                results.Add(result);
            }
        }

        return results;
    }
}
