using System.Globalization;
using Confluent.Kafka;

namespace HeuristicsMiner.Checkpoints;

/// <summary>
/// Checkpoints in a Kafka topic per consumer group, <see cref="CheckpointTopic.NameFor"/> (<c>&lt;group&gt;.checkpoints</c>),
/// created on first save with one partition and <c>cleanup.policy=compact</c> when the broker accepts it.
/// <para>
/// <b>Save</b>: the state is split into <see cref="CheckpointEnvelope"/> chunks of at most
/// <see cref="KafkaCheckpointStoreOptions.ChunkSize"/> bytes sharing a new checkpoint id, produced in order by an
/// idempotent producer (acks=all) under keys <see cref="CheckpointRecordKey"/>; the task completes when every chunk
/// is acknowledged. Then tombstones are produced (not awaited; flushed on dispose) for the saves of that partition the
/// new one supersedes (<see cref="StoredCheckpointIndex"/>), so that on a compacting broker the topic keeps about one
/// checkpoint per partition. Saves of different partitions may run concurrently.
/// </para>
/// <para>
/// <b>Load</b>: a consumer with a manual assignment (its group id is never joined or committed to) reads the topic
/// from the beginning up to the high watermarks taken at the start, and <see cref="CheckpointCollector"/> returns per
/// partition the complete checkpoint with the highest next offset; torn saves and damaged records are skipped with a
/// warning. A missing or empty topic gives an empty result (and is not created).
/// </para>
/// <para>
/// <b>Growth</b>: the embedded broker does not compact (it refuses <c>cleanup.policy=compact</c>, so the topic is
/// created without it), so there the topic keeps every save and tombstone until retention deletes old segments, and
/// a load reads all of them. Real Kafka compacts it down to the newest saves.
/// </para>
/// <para>
/// <b>Clients</b>: <see cref="KafkaCheckpointStoreOptions.ProducerConfig"/> and
/// <see cref="KafkaCheckpointStoreOptions.ConsumerConfig"/> (the miner passes its <c>--producer-config</c> and
/// <c>--consumer-config</c>) reach the store's clients by role, see <see cref="CheckpointClientConfigs"/>.
/// </para>
/// </summary>
public sealed class KafkaCheckpointStore : ICheckpointStore
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    private readonly ConsumerConfig loaderConfig;
    private readonly KafkaCheckpointStoreOptions options;
    private readonly IProducer<byte[], byte[]?> producer;
    private readonly IAdminClient admin;
    private readonly StoredCheckpointIndex index = new();
    private readonly SemaphoreSlim topicGate = new(1, 1);
    private volatile bool topicReady;
    private volatile bool disposed;

    /// <exception cref="CheckpointClientSettingsException">librdkafka refuses <see cref="KafkaCheckpointStoreOptions.ProducerConfig"/>.</exception>
    public KafkaCheckpointStore(string bootstrapServers, string group, KafkaCheckpointStoreOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(bootstrapServers);
        Topic = CheckpointTopic.NameFor(group);
        options ??= new KafkaCheckpointStoreOptions();
        options.Validate();
        this.options = options;
        void Skipped(string message) => options.Log($"checkpoints ({Topic}): {message}");
        loaderConfig = CheckpointClientConfigs.Loader(bootstrapServers, group, options.ConsumerConfig, Skipped);
        try
        {
            producer = new ProducerBuilder<byte[], byte[]?>(CheckpointClientConfigs.Producer(bootstrapServers, group, options.ProducerConfig, Skipped))
                .SetLogHandler((_, m) => LogClient(m))
                .SetErrorHandler((_, e) => options.Log($"checkpoints ({Topic}): producer error: {e.Reason}"))
                .Build();
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or KafkaException)
        {
            // librdkafka refuses an unknown key (InvalidOperationException) or a bad value (ArgumentException)
            throw new CheckpointClientSettingsException($"the checkpoint store's producer refuses its settings: {e.Message}", e);
        }
        admin = new DependentAdminClientBuilder(producer.Handle).Build();
    }

    /// <summary>The checkpoint topic.</summary>
    public string Topic { get; }

    public string Description => $"topic {Topic}";

    public async Task SaveAsync(PartitionCheckpoint checkpoint, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        ArgumentNullException.ThrowIfNull(checkpoint.State);
        ObjectDisposedException.ThrowIf(disposed, this);
        var id = Guid.NewGuid();
        var chunks = CheckpointEnvelope.Split(checkpoint, id, options.ChunkSize);
        await EnsureTopicAsync(cancellation).ConfigureAwait(false);

        var target = new TopicPartition(Topic, 0);
        var deliveries = new List<Task>(chunks.Count);
        foreach (var chunk in chunks)
        {
            var message = new Message<byte[], byte[]?> { Key = CheckpointRecordKey.For(chunk), Value = chunk.ToBytes() };
            deliveries.Add(producer.ProduceAsync(target, message, cancellation));
        }

        await Task.WhenAll(deliveries).ConfigureAwait(false);
        var saved = new StoredCheckpoint(checkpoint.Partition, id, checkpoint.NextOffset, chunks.Count, Complete: true);
        foreach (var superseded in index.Supersede(saved))
            ProduceTombstones(target, superseded);
    }

    public Task<IReadOnlyDictionary<PartitionId, PartitionCheckpoint>> LoadAsync(
        IReadOnlyCollection<PartitionId> partitions, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(partitions);
        ObjectDisposedException.ThrowIf(disposed, this);
        return Task.Run(() => (IReadOnlyDictionary<PartitionId, PartitionCheckpoint>)Load(partitions.ToHashSet(), cancellation), cancellation);
    }

    public ValueTask DisposeAsync()
    {
        if (disposed)
            return ValueTask.CompletedTask;
        disposed = true;
        var left = producer.Flush(options.FlushTimeout);
        if (left > 0)
            options.Log($"checkpoints ({Topic}): {left} records (tombstones) were not delivered before closing");
        admin.Dispose();
        producer.Dispose();
        topicGate.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task EnsureTopicAsync(CancellationToken cancellation)
    {
        if (topicReady)
            return;
        await topicGate.WaitAsync(cancellation).ConfigureAwait(false);
        try
        {
            if (!topicReady)
            {
                await CheckpointTopic.EnsureAsync(admin, Topic, options.OperationTimeout, options.Log).ConfigureAwait(false);
                topicReady = true;
            }
        }
        finally
        {
            topicGate.Release();
        }
    }

    private void ProduceTombstones(TopicPartition target, StoredCheckpoint superseded)
    {
        for (int i = 0; i < superseded.ChunkCount; i++)
        {
            var message = new Message<byte[], byte[]?> { Key = CheckpointRecordKey.For(superseded.Partition, superseded.CheckpointId, i), Value = null };
            try
            {
                producer.Produce(target, message, report =>
                {
                    if (report.Error.IsError)
                        options.Log($"checkpoints ({Topic}): tombstone for {superseded.CheckpointId} not delivered: {report.Error.Reason}");
                });
            }
            catch (KafkaException e)
            {
                // Only clean-up: the superseded save loses to the new one at load anyway.
                options.Log($"checkpoints ({Topic}): could not produce a tombstone for {superseded.CheckpointId}: {e.Error.Reason}");
                return;
            }
        }
    }

    private Dictionary<PartitionId, PartitionCheckpoint> Load(HashSet<PartitionId> wanted, CancellationToken cancellation)
    {
        if (wanted.Count == 0 || CheckpointTopic.Partitions(admin, Topic, options.OperationTimeout) is not { } topicPartitions)
            return new Dictionary<PartitionId, PartitionCheckpoint>();

        using var consumer = new ConsumerBuilder<byte[]?, byte[]?>(loaderConfig)
            .SetLogHandler((_, m) => LogClient(m))
            .SetErrorHandler((_, e) => options.Log($"checkpoints ({Topic}): loader error: {e.Reason}"))
            .Build();

        // Read each partition up to the high watermark it had when the load started.
        var ends = new Dictionary<int, long>();
        foreach (var partition in topicPartitions)
        {
            var marks = consumer.QueryWatermarkOffsets(new TopicPartition(Topic, partition), options.OperationTimeout);
            if (marks.High > marks.Low)
                ends[partition] = marks.High;
        }

        var collector = new CheckpointCollector(wanted, options.Log);
        if (ends.Count > 0)
        {
            consumer.Assign(ends.Keys.Select(p => new TopicPartitionOffset(Topic, p, Offset.Beginning)));
            var lastProgress = DateTime.UtcNow;
            while (ends.Count > 0)
            {
                cancellation.ThrowIfCancellationRequested();
                var result = consumer.Consume(PollInterval);
                if (result is null)
                {
                    if (DateTime.UtcNow - lastProgress > options.OperationTimeout)
                    {
                        throw new TimeoutException(
                            $"reading checkpoint topic {Topic}: no record for {options.OperationTimeout} before reaching the end of partitions {string.Join(", ", ends.Keys)}");
                    }

                    continue;
                }

                lastProgress = DateTime.UtcNow;
                var partition = result.Partition.Value;
                if (!ends.TryGetValue(partition, out var end))
                    continue;
                if (!result.IsPartitionEOF && result.Offset.Value < end)
                    collector.Add(result.Message.Key, result.Message.Value, string.Create(CultureInfo.InvariantCulture, $"{Topic}-{partition}@{result.Offset.Value}"));
                if (result.IsPartitionEOF || result.Offset.Value >= end - 1)
                    ends.Remove(partition);
            }
        }

        foreach (var stored in collector.Finish())
            index.Add(stored);
        return collector.Newest.ToDictionary();
    }

    private void LogClient(LogMessage message)
    {
        if (message.Level <= SyslogLevel.Warning)
            options.Log($"checkpoints ({Topic}): {message.Name}: {message.Message}");
    }
}
