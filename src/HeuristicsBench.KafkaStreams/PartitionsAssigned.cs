using Confluent.Kafka;

namespace HeuristicsBench.KafkaStreams;

/// <summary>
/// The group gave these partitions to this consumer. Emitted before any of their records; restore per-partition
/// state here and, if it was checkpointed, <see cref="KafkaConsumerControl.SeekAsync"/> to the checkpointed offset.
/// </summary>
public sealed record PartitionsAssigned(IReadOnlyList<TopicPartition> Partitions) : KafkaConsumerEvent;
