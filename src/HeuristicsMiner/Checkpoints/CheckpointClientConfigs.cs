using Confluent.Kafka;

namespace HeuristicsMiner.Checkpoints;

/// <summary>
/// The librdkafka settings of <see cref="KafkaCheckpointStore"/>'s clients. The extra settings given for the miner's
/// own clients (<c>--producer-config</c>, <c>--consumer-config</c>: security, bootstrap, timeouts...) are applied by
/// role, as the service applies them: producer settings to the store's producer and the admin client that shares its
/// handle, consumer settings to the loader, so a consumer-only key never reaches a producer or the reverse. They are
/// applied over the store's defaults (client.id included), except the settings the store's guarantees depend on,
/// which are kept and reported through <c>skipped</c>.
/// </summary>
public static class CheckpointClientConfigs
{
    /// <summary>Producer settings a save's all-or-nothing, in-order delivery depends on.</summary>
    public static IReadOnlySet<string> ProducerReserved { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "enable.idempotence", "acks", "request.required.acks", "transactional.id",
    };

    /// <summary>Loader settings that keep it a read-only, manually assigned reader from the beginning.</summary>
    public static IReadOnlySet<string> LoaderReserved { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "group.id", "group.instance.id", "enable.auto.commit", "enable.auto.offset.store", "enable.partition.eof", "auto.offset.reset",
    };

    public static ProducerConfig Producer(string bootstrapServers, string group, IReadOnlyDictionary<string, string> extra, Action<string> skipped)
    {
        var config = new ProducerConfig { BootstrapServers = bootstrapServers, ClientId = group + "-checkpoints" };
        Apply(config, extra, ProducerReserved, "producer", skipped);
        config.EnableIdempotence = true;
        config.Acks = Acks.All;
        return config;
    }

    public static ConsumerConfig Loader(string bootstrapServers, string group, IReadOnlyDictionary<string, string> extra, Action<string> skipped)
    {
        var config = new ConsumerConfig { BootstrapServers = bootstrapServers, ClientId = group + "-checkpoint-loader" };
        Apply(config, extra, LoaderReserved, "consumer", skipped);
        // Required by the client; the consumer is only assigned partitions, so it never joins this group or commits.
        config.GroupId = group + ".checkpoint-loader";
        config.EnableAutoCommit = false;
        config.EnableAutoOffsetStore = false;
        config.EnablePartitionEof = true;
        config.AutoOffsetReset = AutoOffsetReset.Earliest;
        return config;
    }

    private static void Apply(ClientConfig config, IReadOnlyDictionary<string, string> extra, IReadOnlySet<string> reserved,
        string role, Action<string> skipped)
    {
        ArgumentNullException.ThrowIfNull(extra);
        ArgumentNullException.ThrowIfNull(skipped);
        foreach (var (key, value) in extra)
        {
            if (reserved.Contains(key))
                skipped($"{role} setting {key}={value} is not applied to the checkpoint store's {role}: the store sets {key} itself");
            else
                config.Set(key, value);
        }
    }
}
