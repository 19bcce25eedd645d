using Confluent.Kafka;

namespace HeuristicsBench.KafkaStreams;

/// <summary>One message handed to the producer, waiting (in input order) for its delivery report. Stage thread only.</summary>
internal sealed class ProducerSlot<TPassThrough>(TPassThrough passThrough)
{
    public TPassThrough PassThrough { get; } = passThrough;

    public DeliveryReport<byte[]?, byte[]?>? Report { get; set; }
}
