using Akka;
using Akka.Streams;
using Akka.Streams.Dsl;
using Akka.Streams.Stage;

namespace HeuristicsBench.KafkaStreams;

/// <summary>
/// Source of records and partition lifecycle events from a Kafka consumer group member (see the README for
/// threading, back-pressure and shutdown). Materializes a <see cref="KafkaConsumerControl"/>.
/// </summary>
public sealed class KafkaConsumerSource : GraphStageWithMaterializedValue<SourceShape<KafkaConsumerEvent>, KafkaConsumerControl>
{
    private readonly KafkaConsumerSettings settings;

    public KafkaConsumerSource(KafkaConsumerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _ = settings.EffectiveConfig();
        this.settings = settings;
        Shape = new SourceShape<KafkaConsumerEvent>(Out);
    }

    public Outlet<KafkaConsumerEvent> Out { get; } = new("KafkaConsumerSource.out");

    public override SourceShape<KafkaConsumerEvent> Shape { get; }

    /// <summary>The stage as an Akka.Streams source.</summary>
    public static Source<KafkaConsumerEvent, KafkaConsumerControl> Create(KafkaConsumerSettings settings) =>
        Source.FromGraph(new KafkaConsumerSource(settings));

    public override ILogicAndMaterializedValue<KafkaConsumerControl> CreateLogicAndMaterializedValue(Attributes inheritedAttributes)
    {
        var poller = new ConsumerPoller(settings);
        var control = new KafkaConsumerControl(poller);
        return new LogicAndMaterializedValue<KafkaConsumerControl>(new KafkaConsumerSourceLogic(this, settings, poller, control), control);
    }

    protected override Attributes InitialAttributes { get; } = Attributes.CreateName("kafkaConsumerSource");
}
