using Confluent.Kafka;
using Confluent.Kafka.Admin;

namespace HeuristicsMiner.Checkpoints;

/// <summary>
/// The checkpoint topic of a consumer group: its name (the one place it is derived) and its creation on first use,
/// with one partition and <c>cleanup.policy=compact</c> when the broker accepts that, otherwise without it.
/// </summary>
public static class CheckpointTopic
{
    /// <summary>Kafka's longest topic name.</summary>
    private const int MaxTopicLength = 249;

    /// <summary><c>&lt;group&gt;.checkpoints</c>; a group whose name cannot be part of a topic name is refused.</summary>
    public static string NameFor(string group)
    {
        ArgumentException.ThrowIfNullOrEmpty(group);
        var name = group + ".checkpoints";
        if (name.Length > MaxTopicLength || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'))
        {
            throw new ArgumentException(
                $"consumer group '{group}' gives checkpoint topic '{name}', which is not a legal Kafka topic name " +
                $"(at most {MaxTopicLength} of a-z A-Z 0-9 . _ -)", nameof(group));
        }

        return name;
    }

    /// <summary>
    /// Whether <paramref name="topic"/> exists, asked with a metadata request for all topics (a request naming the
    /// topic could make the broker auto-create it with the wrong settings).
    /// </summary>
    public static bool Exists(IAdminClient admin, string topic, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(admin);
        return Partitions(admin, topic, timeout) is not null;
    }

    /// <summary>The partitions of <paramref name="topic"/>, or null if it does not exist.</summary>
    public static IReadOnlyList<int>? Partitions(IAdminClient admin, string topic, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(admin);
        var metadata = admin.GetMetadata(timeout);
        var found = metadata.Topics.FirstOrDefault(t => t.Topic == topic && t.Error.Code == ErrorCode.NoError);
        return found?.Partitions.Select(p => p.PartitionId).Order().ToList();
    }

    /// <summary>
    /// Creates <paramref name="topic"/> unless it exists: first with <c>cleanup.policy=compact</c>; if the broker refuses
    /// that (the embedded broker does: it has no compaction), again without it, and says so through
    /// <paramref name="log"/>. Another process creating it at the same time is fine.
    /// </summary>
    public static async Task EnsureAsync(IAdminClient admin, string topic, TimeSpan timeout, Action<string> log)
    {
        ArgumentNullException.ThrowIfNull(admin);
        ArgumentNullException.ThrowIfNull(log);
        if (Exists(admin, topic, timeout))
            return;

        var compacted = Specification(topic, compact: true);
        var options = new CreateTopicsOptions { RequestTimeout = timeout, OperationTimeout = timeout };
        try
        {
            await admin.CreateTopicsAsync([compacted], options).ConfigureAwait(false);
            log($"checkpoints: created topic {topic} (1 partition, cleanup.policy=compact)");
            return;
        }
        catch (CreateTopicsException e) when (e.Results.All(r => r.Error.Code == ErrorCode.TopicAlreadyExists))
        {
            return;
        }
        catch (CreateTopicsException e)
        {
            var reason = string.Join("; ", e.Results.Select(r => r.Error.Reason));
            log($"checkpoints: the broker refused topic {topic} with cleanup.policy=compact ({reason}); creating it " +
                "without compaction, so it keeps every checkpoint until retention deletes old segments");
        }

        try
        {
            await admin.CreateTopicsAsync([Specification(topic, compact: false)], options).ConfigureAwait(false);
            log($"checkpoints: created topic {topic} (1 partition, not compacted)");
        }
        catch (CreateTopicsException e) when (e.Results.All(r => r.Error.Code == ErrorCode.TopicAlreadyExists))
        {
        }
    }

    private static TopicSpecification Specification(string topic, bool compact) => new()
    {
        Name = topic,
        NumPartitions = 1,
        ReplicationFactor = -1, // the broker's default
        Configs = compact ? new Dictionary<string, string> { ["cleanup.policy"] = "compact" } : [],
    };
}
