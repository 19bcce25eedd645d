using Akka.Streams;
using Akka.Streams.Stage;
using HeuristicsBench.KafkaStreams;

namespace HeuristicsMiner.Serving;

/// <summary>
/// The miner service as one sink stage, fused right after <see cref="KafkaConsumerSource"/>: restores partitions on
/// assignment (pulling nothing until their checkpoints are loaded and the consumer has been told to seek), counts
/// records into per-partition state, checkpoints and commits, publishes the merged model, and on stop takes final
/// checkpoints before completing. See <see cref="MinerStageLogic"/>.
/// </summary>
public sealed class MinerStage : GraphStageWithMaterializedValue<SinkShape<KafkaConsumerEvent>, MinerStageHandle>
{
    private readonly MinerStageContext _context;

    public MinerStage(MinerStageContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Timings.Validate();
        _context = context;
        Shape = new SinkShape<KafkaConsumerEvent>(In);
    }

    public Inlet<KafkaConsumerEvent> In { get; } = new("MinerStage.in");

    public override SinkShape<KafkaConsumerEvent> Shape { get; }

    protected override Attributes InitialAttributes { get; } = Attributes.CreateName("minerStage");

    public override ILogicAndMaterializedValue<MinerStageHandle> CreateLogicAndMaterializedValue(Attributes inheritedAttributes)
    {
        var handle = new MinerStageHandle();
        return new LogicAndMaterializedValue<MinerStageHandle>(new MinerStageLogic(this, _context, handle), handle);
    }
}
