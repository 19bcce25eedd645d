using Confluent.Kafka;

namespace HeuristicsBench.KafkaStreams;

/// <summary>A message to produce and a value carried through to its <see cref="ProducerResult{TPassThrough}"/>.</summary>
/// <param name="Topic">Target topic.</param>
/// <param name="Message">Key, value, headers and timestamp.</param>
/// <param name="PassThrough">Anything the caller needs after delivery, for example the offsets to commit.</param>
public sealed record ProducerMessage<TPassThrough>(string Topic, Message<byte[]?, byte[]?> Message, TPassThrough PassThrough)
{
    /// <summary>Explicit partition; null lets the producer's partitioner choose from the key.</summary>
    public int? Partition { get; init; }
}
