using Akka;
using Akka.Streams.Dsl;
using Confluent.Kafka;

namespace HeuristicsBench.KafkaStreams;

/// <summary>
/// Produces each element with a caller-owned Confluent producer and emits its delivery result, in input order, once
/// the broker acknowledged it. A failed delivery fails the stream with the <see cref="ProduceException{TKey,TValue}"/>,
/// so no result is emitted after a lost message: acknowledging or committing on results never skips one. A message the
/// producer refuses at once (for example larger than <c>message.max.bytes</c>) fails the stream the same way.
/// </summary>
public static class KafkaProducerFlow
{
    public static Flow<ProducerMessage<TPassThrough>, ProducerResult<TPassThrough>, NotUsed> Create<TPassThrough>(
        IProducer<byte[]?, byte[]?> producer,
        KafkaProducerSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(producer);
        settings ??= new KafkaProducerSettings();
        if (settings.Parallelism < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(settings), settings.Parallelism, "parallelism must be at least 1");
        }

        return Flow.FromGraph(new KafkaProducerStage<TPassThrough>(producer, settings.Parallelism));
    }
}
