using Confluent.Kafka;

namespace HeuristicsMiner.Tests.Checkpoints;

/// <summary>Raw access to a one-partition topic, to inspect what a store wrote or to write what it would not.</summary>
internal static class TopicRecords
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public static List<(byte[]? Key, byte[]? Value)> ReadAll(string bootstrap, string topic)
    {
        using var consumer = new ConsumerBuilder<byte[]?, byte[]?>(new ConsumerConfig
        {
            BootstrapServers = bootstrap,
            GroupId = "test-reader",
            EnableAutoCommit = false,
        }).Build();
        var partition = new TopicPartition(topic, 0);
        var end = consumer.QueryWatermarkOffsets(partition, Timeout).High.Value;
        var records = new List<(byte[]? Key, byte[]? Value)>();
        if (end == 0)
            return records;
        consumer.Assign(new TopicPartitionOffset(partition, Offset.Beginning));
        var deadline = DateTime.UtcNow + Timeout; // hang guard only
        while (records.Count < end)
        {
            var result = consumer.Consume(TimeSpan.FromMilliseconds(100));
            if (result is not null)
                records.Add((result.Message.Key, result.Message.Value));
            else if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"read {records.Count} of {end} records of {topic}");
        }

        return records;
    }

    public static async Task ProduceAsync(string bootstrap, string topic, IEnumerable<(byte[]? Key, byte[]? Value)> records)
    {
        using var producer = new ProducerBuilder<byte[]?, byte[]?>(new ProducerConfig
        {
            BootstrapServers = bootstrap,
            EnableIdempotence = true,
            Acks = Acks.All,
        }).Build();
        foreach (var (key, value) in records)
            await producer.ProduceAsync(new TopicPartition(topic, 0), new Message<byte[]?, byte[]?> { Key = key, Value = value });
    }
}
