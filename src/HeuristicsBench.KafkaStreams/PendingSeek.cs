using Confluent.Kafka;

namespace HeuristicsBench.KafkaStreams;

/// <summary>A seek asked for through the control handle, not yet applied by the stage.</summary>
internal sealed record PendingSeek(TopicPartitionOffset Position, TaskCompletionSource Done);
