using Confluent.Kafka;

namespace HeuristicsBench.KafkaStreams;

/// <summary>
/// The consumer reached the end of a partition (only with <c>enable.partition.eof=true</c> in the consumer config).
/// <see cref="Position"/> is the offset the next record will get.
/// </summary>
public sealed record PartitionEndReached(TopicPartitionOffset Position) : KafkaConsumerEvent;
