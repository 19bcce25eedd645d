using Confluent.Kafka;

namespace ChaosRunner.Run.Measurement;

/// <summary>
/// High watermarks of the input topic and the miner group's committed offsets, asked from the broker's main
/// listener (clock-free). Committed offsets are read with a consumer that never joins the group (no subscribe),
/// so measuring does not disturb the miner's group. Throws <see cref="KafkaException"/> while the broker is down.
/// </summary>
public sealed class BrokerOffsets : IDisposable
{
    private readonly IConsumer<byte[]?, byte[]?> _watermarks;
    private readonly IConsumer<byte[]?, byte[]?> _committed;
    private readonly string _topic;
    private readonly int _partitions;

    public BrokerOffsets(string bootstrap, string topic, int partitions, string group)
    {
        _topic = topic;
        _partitions = partitions;
        _watermarks = Build(bootstrap, "heuristics-bench-offsets");
        _committed = Build(bootstrap, group);
    }

    private static IConsumer<byte[]?, byte[]?> Build(string bootstrap, string group) =>
        new ConsumerBuilder<byte[]?, byte[]?>(new ConsumerConfig
        {
            BootstrapServers = bootstrap,
            GroupId = group,
            EnableAutoCommit = false,
            ReconnectBackoffMaxMs = 500,
            SocketTimeoutMs = 3000,
        }).SetErrorHandler((_, _) => { }).SetLogHandler((_, _) => { }).Build();

    public long[] HighWatermarks(TimeSpan timeout)
    {
        var result = new long[_partitions];
        for (var p = 0; p < _partitions; p++)
            result[p] = _watermarks.QueryWatermarkOffsets(new TopicPartition(_topic, p), timeout).High.Value;
        return result;
    }

    /// <summary>Committed next offsets per partition (0 where the group has committed nothing yet).</summary>
    public long[] Committed(TimeSpan timeout)
    {
        var committed = _committed.Committed(Enumerable.Range(0, _partitions).Select(p => new TopicPartition(_topic, p)), timeout);
        var result = new long[_partitions];
        foreach (var c in committed)
            result[c.Partition.Value] = c.Offset.Value >= 0 ? c.Offset.Value : 0;
        return result;
    }

    public void Dispose()
    {
        _watermarks.Dispose();
        _committed.Dispose();
    }
}
