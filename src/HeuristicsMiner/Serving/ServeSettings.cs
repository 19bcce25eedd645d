using HeuristicsBench.ServiceHost;
using HeuristicsMiner.Algorithm.Model;
using HeuristicsMiner.Algorithm.Summaries;

namespace HeuristicsMiner.Serving;

/// <summary>Everything one <c>serve</c> run needs.</summary>
/// <param name="CheckpointStore">"kafka" (topic &lt;group&gt;.checkpoints) or "dir:PATH" (PATH/&lt;group&gt;/).</param>
/// <param name="ConsumerConfig">Extra librdkafka consumer settings (key=value), applied last; also the Kafka checkpoint store's loader.</param>
/// <param name="ProducerConfig">Extra librdkafka producer settings for models and dead letters; also the Kafka checkpoint store's producer and admin client.</param>
public sealed record ServeSettings(
    string Bootstrap,
    string InputTopic,
    string ModelTopic,
    string Group,
    string DeadLetterTopic,
    string CheckpointStore,
    SummaryOptions Summary,
    ModelThresholds Thresholds,
    MinerTimings Timings,
    ModelPayload Payload,
    HttpEndpointOptions Http,
    int MaxEventBytes,
    string Instance,
    IReadOnlyDictionary<string, string> ConsumerConfig,
    IReadOnlyDictionary<string, string> ProducerConfig,
    bool Quiet = false)
{
    public const int DefaultMaxEventBytes = 64 * 1024;
}
