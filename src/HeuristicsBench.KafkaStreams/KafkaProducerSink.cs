using Akka;
using Akka.Streams.Dsl;
using Confluent.Kafka;

namespace HeuristicsBench.KafkaStreams;

/// <summary>
/// <see cref="KafkaProducerFlow"/> ending in a sink: its task completes once every message was acknowledged
/// and faults with the first delivery failure.
/// </summary>
public static class KafkaProducerSink
{
    public static Sink<ProducerMessage<TPassThrough>, Task<Done>> Create<TPassThrough>(
        IProducer<byte[]?, byte[]?> producer,
        KafkaProducerSettings? settings = null) =>
        KafkaProducerFlow.Create<TPassThrough>(producer, settings).ToMaterialized(Sink.Ignore<ProducerResult<TPassThrough>>(), Keep.Right);
}
