using EmbeddedKafka.Groups;
using EmbeddedKafka.Protocol;

namespace EmbeddedKafka.Server;

/// <summary>Settings of an <see cref="KafkaBroker"/>; Kafka's broker config names are given where they exist.</summary>
public sealed record BrokerOptions
{
    public int NodeId { get; init; }

    public string ClusterId { get; init; } = "embedded-kafka";

    /// <summary>At least one listener; the first is the one <see cref="KafkaBroker.BootstrapServers"/> names.</summary>
    public IReadOnlyList<ListenerOptions> Listeners { get; init; } = [new ListenerOptions()];

    /// <summary>Where logs and metadata live; null uses a fresh temporary directory deleted on dispose.</summary>
    public string? DataDirectory { get; init; }

    /// <summary>auto.create.topics.enable (for Metadata requests that allow it, and for Produce).</summary>
    public bool AutoCreateTopics { get; init; } = true;

    /// <summary>num.partitions for auto-created topics.</summary>
    public int DefaultPartitions { get; init; } = 1;

    /// <summary>log.message.timestamp.type default for new topics.</summary>
    public TimestampType DefaultTimestampType { get; init; } = TimestampType.CreateTime;

    /// <summary>message.max.bytes default for new topics (Kafka's default).</summary>
    public int MessageMaxBytes { get; init; } = 1048588;

    /// <summary>socket.request.max.bytes: larger frames close the connection.</summary>
    public int SocketRequestMaxBytes { get; init; } = 100 * 1024 * 1024;

    /// <summary>log.segment.bytes default for new topics.</summary>
    public int SegmentBytes { get; init; } = 64 * 1024 * 1024;

    /// <summary>log.retention.ms default for new topics; -1 keeps data forever.</summary>
    public long RetentionMs { get; init; } = 7L * 24 * 3600 * 1000;

    /// <summary>log.retention.bytes default for new topics; -1 means no size limit.</summary>
    public long RetentionBytes { get; init; } = -1;

    /// <summary>log.retention.check.interval.ms.</summary>
    public TimeSpan RetentionCheckInterval { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// fsync each append (and each offset commit) before acknowledging. Off by default, as in Kafka: an
    /// acknowledged write is already in the OS page cache, which survives the broker process being killed;
    /// turn it on to survive a machine crash.
    /// </summary>
    public bool FlushOnAppend { get; init; }

    /// <summary>How often group sessions and rebalance deadlines are checked.</summary>
    public TimeSpan GroupTickInterval { get; init; } = TimeSpan.FromMilliseconds(100);

    public GroupCoordinatorOptions Groups { get; init; } = new();

    /// <summary>Serve Prometheus metrics over HTTP at http://{MetricsHost}:{MetricsPort}/metrics when set.</summary>
    public int? MetricsPort { get; init; }

    /// <summary>Host name the metrics endpoint binds ("+" for every interface).</summary>
    public string MetricsHost { get; init; } = "127.0.0.1";
}
