using Confluent.Kafka;

namespace HeuristicsBench.KafkaStreams;

/// <summary>Settings of <see cref="KafkaConsumerSource"/>.</summary>
/// <param name="Config">librdkafka consumer settings: bootstrap servers and group id at least. Auto commit must be
/// off (left unset, it is turned off): offsets are committed only through <see cref="KafkaConsumerControl.CommitAsync"/>.</param>
/// <param name="Topics">Topics to subscribe to.</param>
public sealed record KafkaConsumerSettings(ConsumerConfig Config, IReadOnlyList<string> Topics)
{
    /// <summary>How long one Consume call on the poll thread waits for a record while there is demand. Also the
    /// longest a commit or seek waits for the poll thread then.</summary>
    public TimeSpan PollTimeout { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Most records taken from the consumer per request of the stage, so at most this many records are
    /// held beyond what downstream has pulled.</summary>
    public int MaxBatchSize { get; init; } = 256;

    /// <summary>Called on the poll thread with non-fatal client and consume errors (librdkafka retries them). A fatal
    /// error fails the stream whether or not this is set.</summary>
    public Action<Error>? ErrorHandler { get; init; }

    /// <summary>Receives librdkafka's log lines (on its threads); null keeps Confluent.Kafka's default (stderr).</summary>
    public Action<LogMessage>? LogHandler { get; init; }

    internal ConsumerConfig EffectiveConfig()
    {
        if (string.IsNullOrEmpty(Config.GroupId))
        {
            throw new ArgumentException("the consumer config needs a group.id", nameof(Config));
        }

        if (Config.EnableAutoCommit == true)
        {
            throw new ArgumentException("enable.auto.commit must be false: offsets are committed through KafkaConsumerControl", nameof(Config));
        }

        if (Topics.Count == 0)
        {
            throw new ArgumentException("at least one topic is needed", nameof(Topics));
        }

        if (MaxBatchSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxBatchSize), MaxBatchSize, "must be at least 1");
        }

        var copy = new ConsumerConfig(Config.ToDictionary(kv => kv.Key, kv => kv.Value)) { EnableAutoCommit = false };
        return copy;
    }
}
