using Confluent.Kafka;

namespace LoadGenerator.Tests.Support;

/// <summary>Reads every partition of a topic from the beginning to its end with a plain (assigned, group-less) consumer.</summary>
public static class TopicReader
{
    public static List<ConsumeResult<byte[]?, byte[]?>> ReadAll(string bootstrap, string topic, int partitions)
    {
        var config = new ConsumerConfig
        {
            BootstrapServers = bootstrap,
            GroupId = "reader-" + Guid.NewGuid().ToString("N"),
            EnableAutoCommit = false,
            EnablePartitionEof = true,
            FetchWaitMaxMs = 50,
        };
        using var consumer = new ConsumerBuilder<byte[]?, byte[]?>(config).SetLogHandler((_, _) => { }).Build();
        consumer.Assign(Enumerable.Range(0, partitions).Select(p => new TopicPartitionOffset(topic, p, Offset.Beginning)));
        var results = new List<ConsumeResult<byte[]?, byte[]?>>();
        var atEnd = new HashSet<int>();
        while (atEnd.Count < partitions)
        {
            var result = consumer.Consume(TimeSpan.FromSeconds(60)) ?? throw new TimeoutException($"no record or end of partition from {topic} in 60 s");
            if (result.IsPartitionEOF)
                atEnd.Add(result.Partition.Value);
            else
                results.Add(result);
        }
        consumer.Close();
        return results;
    }
}
