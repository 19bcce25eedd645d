using Confluent.Kafka;

namespace HeuristicsBench.KafkaStreams;

/// <summary>A consumed record. <see cref="Offset"/> is the record's own offset; the offset to commit after it is <c>Offset + 1</c>.</summary>
public sealed record KafkaRecord(
    string Topic,
    int Partition,
    long Offset,
    byte[]? Key,
    byte[]? Value,
    Headers Headers,
    Timestamp Timestamp) : KafkaConsumerEvent
{
    public TopicPartition TopicPartition => new(Topic, Partition);

    /// <summary>The position to commit (or checkpoint) once this record has been processed.</summary>
    public TopicPartitionOffset NextOffset => new(Topic, Partition, Offset + 1);
}
