using EmbeddedKafka.Protocol;

namespace EmbeddedKafka.Storage;

/// <summary>Per-topic settings (the Kafka topic configs of the same meaning are named in the comments).</summary>
public sealed record TopicConfig
{
    public int Partitions { get; init; } = 1;

    /// <summary>message.timestamp.type.</summary>
    public TimestampType TimestampType { get; init; } = TimestampType.CreateTime;

    /// <summary>retention.ms; -1 keeps data forever.</summary>
    public long RetentionMs { get; init; } = -1;

    /// <summary>retention.bytes per partition; -1 means no size limit.</summary>
    public long RetentionBytes { get; init; } = -1;

    /// <summary>segment.bytes: a segment is rolled once it would grow past this size.</summary>
    public int SegmentBytes { get; init; } = 64 * 1024 * 1024;

    /// <summary>max.message.bytes: the largest record batch accepted (Kafka's default 1048588).</summary>
    public int MaxMessageBytes { get; init; } = 1048588;
}
