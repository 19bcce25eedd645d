namespace HeuristicsMiner.Checkpoints;

/// <summary>Settings of a <see cref="KafkaCheckpointStore"/>.</summary>
public sealed record KafkaCheckpointStoreOptions
{
    public const int DefaultChunkSize = 256 * 1024;

    /// <summary>
    /// Largest chunk: a record also holds the envelope header and key (a few hundred bytes at most), and must stay
    /// under the producer's and broker's 1 MB message limits.
    /// </summary>
    public const int MaxChunkSize = 900 * 1024;

    /// <summary>States longer than this are split into several records.</summary>
    public int ChunkSize { get; init; } = DefaultChunkSize;

    /// <summary>
    /// Limit of each metadata, topic creation and watermark request, and how long a load waits for the next record
    /// before it gives up (a hang guard, not a budget for the whole load).
    /// </summary>
    public TimeSpan OperationTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long disposing waits for unacknowledged records (tombstones) to be delivered.</summary>
    public TimeSpan FlushTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Warnings and notes (topic creation, skipped records, client errors); default: standard error.</summary>
    public Action<string> Log { get; init; } = Console.Error.WriteLine;

    /// <summary>Extra librdkafka settings for the store's producer and admin client (see <see cref="CheckpointClientConfigs"/>).</summary>
    public IReadOnlyDictionary<string, string> ProducerConfig { get; init; } = new Dictionary<string, string>();

    /// <summary>Extra librdkafka settings for the store's loader (see <see cref="CheckpointClientConfigs"/>).</summary>
    public IReadOnlyDictionary<string, string> ConsumerConfig { get; init; } = new Dictionary<string, string>();

    internal void Validate()
    {
        if (ChunkSize is < 1 or > MaxChunkSize)
            throw new ArgumentOutOfRangeException(nameof(ChunkSize), ChunkSize, $"chunk size must be 1..{MaxChunkSize} bytes");
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(OperationTimeout, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(FlushTimeout, TimeSpan.Zero);
        ArgumentNullException.ThrowIfNull(Log);
        ArgumentNullException.ThrowIfNull(ProducerConfig);
        ArgumentNullException.ThrowIfNull(ConsumerConfig);
    }
}
