using Akka;
using Akka.Streams.Dsl;
using Confluent.Kafka;

namespace HeuristicsBench.KafkaStreams;

/// <summary>
/// Produces each element with a caller-owned Confluent producer and emits its delivery result, in input order, once
/// the broker acknowledged it. A failed delivery fails the stream with the <see cref="ProduceException{TKey,TValue}"/>,
/// so no result is emitted after a lost message: acknowledging or committing on results never skips one. (Akka's
/// SelectAsync reports a faulted task as an AggregateException; it is unwrapped to the Kafka exception.)
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

        return Flow.Create<ProducerMessage<TPassThrough>>()
            .SelectAsync(settings.Parallelism, async element =>
            {
                var delivery = element.Partition is { } partition
                    ? await producer.ProduceAsync(new TopicPartition(element.Topic, partition), element.Message).ConfigureAwait(false)
                    : await producer.ProduceAsync(element.Topic, element.Message).ConfigureAwait(false);
                return new ProducerResult<TPassThrough>(delivery, element.PassThrough);
            })
            .SelectError(e => e is AggregateException { InnerExceptions.Count: 1 } single ? single.InnerExceptions[0] : e)
            .Named("kafkaProducerFlow");
    }
}
