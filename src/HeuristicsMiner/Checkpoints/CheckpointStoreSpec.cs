namespace HeuristicsMiner.Checkpoints;

/// <summary>
/// The value of <c>--checkpoint-store</c>: <c>kafka</c> (the default: topic <c>&lt;group&gt;.checkpoints</c> on the input
/// cluster) or <c>dir:PATH</c> (files under PATH, a subdirectory per group).
/// </summary>
public sealed record CheckpointStoreSpec(CheckpointStoreKind Kind, string? DirectoryPath)
{
    public const string OptionName = "--checkpoint-store";
    private const string DirectoryPrefix = "dir:";

    public static CheckpointStoreSpec Default { get; } = new(CheckpointStoreKind.Kafka, null);

    /// <summary>Parses the option's value; anything else throws <see cref="FormatException"/> saying what is accepted.</summary>
    public static CheckpointStoreSpec Parse(string? text)
    {
        if (string.Equals(text, "kafka", StringComparison.Ordinal))
            return Default;
        if (text is not null && text.StartsWith(DirectoryPrefix, StringComparison.Ordinal))
        {
            var path = text[DirectoryPrefix.Length..];
            if (string.IsNullOrWhiteSpace(path))
                throw new FormatException($"{OptionName} dir: needs a directory path, e.g. dir:/var/lib/heuristics-miner/checkpoints");
            return new CheckpointStoreSpec(CheckpointStoreKind.Directory, path);
        }

        throw new FormatException($"{OptionName} '{text}' is not understood: use 'kafka' (a topic per consumer group) or 'dir:PATH'");
    }

    /// <summary>
    /// The store for <paramref name="group"/>; <paramref name="bootstrapServers"/> and the extra client settings
    /// (<paramref name="producerConfig"/>, <paramref name="consumerConfig"/>) are used by the Kafka store only.
    /// </summary>
    public ICheckpointStore Create(string bootstrapServers, string group, Action<string>? log = null,
        IReadOnlyDictionary<string, string>? producerConfig = null, IReadOnlyDictionary<string, string>? consumerConfig = null) => Kind switch
    {
        CheckpointStoreKind.Kafka => new KafkaCheckpointStore(bootstrapServers, group, new KafkaCheckpointStoreOptions
        {
            Log = log ?? Console.Error.WriteLine,
            ProducerConfig = producerConfig ?? new Dictionary<string, string>(),
            ConsumerConfig = consumerConfig ?? new Dictionary<string, string>(),
        }),
        CheckpointStoreKind.Directory => new DirectoryCheckpointStore(DirectoryPath!, group, log),
        _ => throw new InvalidOperationException($"unknown checkpoint store kind {Kind}"),
    };

    public override string ToString() => Kind == CheckpointStoreKind.Kafka ? "kafka" : DirectoryPrefix + DirectoryPath;
}
