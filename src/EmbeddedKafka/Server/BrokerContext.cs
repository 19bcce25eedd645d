using EmbeddedKafka.Groups;
using EmbeddedKafka.Handlers;
using EmbeddedKafka.Metrics;
using EmbeddedKafka.Protocol;
using EmbeddedKafka.Storage;
using Microsoft.Extensions.Logging;

namespace EmbeddedKafka.Server;

/// <summary>What request handlers share: options, storage, the group coordinator, metrics and the clock.</summary>
internal sealed class BrokerContext
{
    public BrokerContext(
        BrokerOptions options,
        TopicStore topics,
        CommittedOffsetStore offsets,
        GroupCoordinator groups,
        BrokerMetrics metrics,
        ProducerIdAllocator producerIds,
        TimeProvider time,
        ILogger logger)
    {
        Options = options;
        Topics = topics;
        Offsets = offsets;
        Groups = groups;
        Metrics = metrics;
        ProducerIds = producerIds;
        Time = time;
        Logger = logger;
        Handlers = ApiHandlers.All();
    }

    public BrokerOptions Options { get; }

    public TopicStore Topics { get; }

    public CommittedOffsetStore Offsets { get; }

    public GroupCoordinator Groups { get; }

    public BrokerMetrics Metrics { get; }

    public ProducerIdAllocator ProducerIds { get; }

    public TimeProvider Time { get; }

    public ILogger Logger { get; }

    public IReadOnlyDictionary<ApiKey, IApiHandler> Handlers { get; }

    public long NowMs => Time.GetUtcNow().ToUnixTimeMilliseconds();

    public TopicConfig DefaultTopicConfig(int partitions) => new()
    {
        Partitions = partitions,
        TimestampType = Options.DefaultTimestampType,
        RetentionMs = Options.RetentionMs,
        RetentionBytes = Options.RetentionBytes,
        SegmentBytes = Options.SegmentBytes,
        MaxMessageBytes = Options.MessageMaxBytes,
    };

    /// <summary>The topic, auto-created with the default partition count when allowed; null otherwise.</summary>
    public Topic? GetTopic(string name, bool allowAutoCreate)
    {
        if (Topics.TryGet(name, out var topic))
        {
            return topic;
        }

        if (!allowAutoCreate || !Options.AutoCreateTopics || !TopicNames.IsValid(name))
        {
            return null;
        }

        return Topics.GetOrCreate(name, DefaultTopicConfig(Options.DefaultPartitions));
    }
}
