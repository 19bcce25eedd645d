using HeuristicsBench.KafkaStreams;
using HeuristicsBench.ServiceHost;
using HeuristicsMiner.Checkpoints;

namespace HeuristicsMiner.Serving;

/// <summary>Everything <see cref="MinerStage"/> works with. <paramref name="Control"/> is read when the first
/// partition is assigned (the consumer source materializes it before its first element).</summary>
public sealed record MinerStageContext(
    PartitionedMiner Miner,
    ICheckpointStore Store,
    IMinerOutput Output,
    MinerMetrics Metrics,
    TimeProvider Clock,
    Func<KafkaConsumerControl> Control,
    MinerTimings Timings,
    ModelPayload Payload,
    string Group,
    string Instance,
    ServiceHealth Health,
    Action<string> Log)
{
    /// <summary>Attempts to load checkpoints before the stage fails (with a growing pause between them).</summary>
    public int RestoreAttempts { get; init; } = 5;
}
