using Confluent.Kafka;

namespace HeuristicsBench.KafkaStreams;

/// <summary>
/// The consumer lost these partitions without an orderly rebalance (its session expired, it was fenced): another
/// member may already own them, so commits for them will fail. Drop their state without committing; the next
/// owner restores from the last checkpoint.
/// </summary>
public sealed record PartitionsLost(IReadOnlyList<TopicPartitionOffset> Partitions) : KafkaConsumerEvent;
