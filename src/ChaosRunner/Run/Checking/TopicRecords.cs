using Confluent.Kafka;
using HeuristicsBench.EventLogs;

namespace ChaosRunner.Run.Checking;

/// <summary>
/// The input topic read back after a run, per partition in offset order: each record's (case id, activity), or null
/// for a record that is not a valid event (the miner sends those to its dead-letter topic and does not count them).
/// </summary>
public sealed class TopicRecords
{
    private TopicRecords(IReadOnlyList<IReadOnlyList<(string Case, string Activity)?>> partitions) => Partitions = partitions;

    public IReadOnlyList<IReadOnlyList<(string Case, string Activity)?>> Partitions { get; }

    public static TopicRecords Read(string bootstrap, string topic, IReadOnlyList<long> highWatermarks, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(highWatermarks);
        var partitions = highWatermarks.Select(_ => new List<(string, string)?>()).ToArray();
        using var consumer = new ConsumerBuilder<byte[]?, byte[]?>(new ConsumerConfig
        {
            BootstrapServers = bootstrap,
            GroupId = "heuristics-bench-checker",
            EnableAutoCommit = false,
        }).SetLogHandler((_, _) => { }).SetErrorHandler((_, _) => { }).Build();
        var remaining = new HashSet<int>();
        var assignment = new List<TopicPartitionOffset>();
        for (var p = 0; p < highWatermarks.Count; p++)
        {
            if (highWatermarks[p] == 0)
                continue;
            remaining.Add(p);
            assignment.Add(new TopicPartitionOffset(topic, p, Offset.Beginning));
        }
        consumer.Assign(assignment);
        var deadline = DateTime.UtcNow + timeout;
        while (remaining.Count > 0)
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"reading {topic} back took longer than {timeout.TotalSeconds:0} s ({remaining.Count} partitions unfinished)");
            var r = consumer.Consume(TimeSpan.FromMilliseconds(200));
            if (r is null || r.IsPartitionEOF)
                continue;
            var p = r.Partition.Value;
            if (!remaining.Contains(p))
                continue;
            var list = partitions[p];
            while (list.Count < r.Offset.Value)
                list.Add(null); // a gap in the offsets (not produced by our broker): nothing to count
            list.Add(r.Message.Value is { Length: > 0 } value && StreamEventJson.TryParse(value, out var e, out _) ? (e!.CaseId, e.Activity) : null);
            if (r.Offset.Value + 1 >= highWatermarks[p])
                remaining.Remove(p);
        }
        return new TopicRecords(partitions);
    }

    public static TopicRecords From(IReadOnlyList<IReadOnlyList<(string Case, string Activity)?>> partitions) => new(partitions);
}
