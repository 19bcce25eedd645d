using Confluent.Kafka;

namespace HeuristicsBench.KafkaStreams;

/// <summary>A delivered message: the broker acknowledged it at <see cref="DeliveryResult{TKey,TValue}.TopicPartitionOffset"/>.</summary>
public sealed record ProducerResult<TPassThrough>(DeliveryResult<byte[]?, byte[]?> Delivery, TPassThrough PassThrough);
