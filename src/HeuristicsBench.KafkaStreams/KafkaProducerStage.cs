using Akka.Streams;
using Akka.Streams.Stage;
using Confluent.Kafka;

namespace HeuristicsBench.KafkaStreams;

/// <summary>The graph stage behind <see cref="KafkaProducerFlow"/>.</summary>
internal sealed class KafkaProducerStage<TPassThrough> : GraphStage<FlowShape<ProducerMessage<TPassThrough>, ProducerResult<TPassThrough>>>
{
    public KafkaProducerStage(IProducer<byte[]?, byte[]?> producer, int parallelism)
    {
        Producer = producer;
        Parallelism = parallelism;
        Shape = new FlowShape<ProducerMessage<TPassThrough>, ProducerResult<TPassThrough>>(In, Out);
    }

    public Inlet<ProducerMessage<TPassThrough>> In { get; } = new("KafkaProducerFlow.in");

    public Outlet<ProducerResult<TPassThrough>> Out { get; } = new("KafkaProducerFlow.out");

    public IProducer<byte[]?, byte[]?> Producer { get; }

    public int Parallelism { get; }

    public override FlowShape<ProducerMessage<TPassThrough>, ProducerResult<TPassThrough>> Shape { get; }

    protected override Attributes InitialAttributes { get; } = Attributes.CreateName("kafkaProducerFlow");

    protected override GraphStageLogic CreateLogic(Attributes inheritedAttributes) => new KafkaProducerStageLogic<TPassThrough>(this);
}
