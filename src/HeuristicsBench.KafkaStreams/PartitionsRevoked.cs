using Confluent.Kafka;

namespace HeuristicsBench.KafkaStreams;

/// <summary>
/// The group takes these partitions away in an orderly rebalance (or this consumer is closing). Emitted after
/// every record of them this source emits; flush or checkpoint their state and drop it. The offsets are the
/// consumer's positions at revocation.
/// </summary>
public sealed record PartitionsRevoked(IReadOnlyList<TopicPartitionOffset> Partitions) : KafkaConsumerEvent;
