namespace EmbeddedKafka.Groups;

/// <summary>Coordinator settings (Kafka broker configs of the same meaning in the comments).</summary>
public sealed record GroupCoordinatorOptions
{
    /// <summary>group.min.session.timeout.ms.</summary>
    public int MinSessionTimeoutMs { get; init; } = 6000;

    /// <summary>group.max.session.timeout.ms.</summary>
    public int MaxSessionTimeoutMs { get; init; } = 1_800_000;

    /// <summary>group.initial.rebalance.delay.ms: how long a new group waits for more members before its first generation.</summary>
    public int InitialRebalanceDelayMs { get; init; } = 3000;

    /// <summary>offset.metadata.max.bytes.</summary>
    public int MaxMetadataBytes { get; init; } = 4096;
}
