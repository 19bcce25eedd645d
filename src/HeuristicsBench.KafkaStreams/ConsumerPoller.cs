using Confluent.Kafka;

namespace HeuristicsBench.KafkaStreams;

/// <summary>
/// Owns the Confluent consumer on one dedicated thread: every call into the consumer (build, subscribe, Consume,
/// Seek, Commit, Close) happens there, so the stage's thread never blocks on librdkafka. The thread consumes only
/// while the stage has an open request, and then at most the requested number of records; rebalance handlers run
/// inside Consume on this thread, so their events land in the same ordered batch as the records around them.
/// </summary>
internal sealed class ConsumerPoller
{
    private readonly KafkaConsumerSettings settings;
    private readonly ConsumerConfig config;
    private readonly object gate = new();
    private readonly Queue<Command> commands = new();
    private readonly TaskCompletionSource completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int requested;
    private bool stopping;
    private bool started;
    private long recordsPolled;
    private long seekGeneration;
    private volatile Error? fatalError;
    private List<KafkaConsumerEvent> current = [];
    private readonly System.Collections.Concurrent.ConcurrentDictionary<TopicPartition, long> highWatermarks = new();

    public ConsumerPoller(KafkaConsumerSettings settings)
    {
        this.settings = settings;
        config = settings.EffectiveConfig();
    }

    /// <summary>Completes once the consumer has been closed (it left the group) and disposed; faults if it failed.</summary>
    public Task Completion => completion.Task;

    public long RecordsPolled => Interlocked.Read(ref recordsPolled);

    public bool TryGetHighWatermark(TopicPartition partition, out long high) => highWatermarks.TryGetValue(partition, out high);

    public void Start(Action<PollBatch> onBatch, Action<Exception> onFailure)
    {
        lock (gate)
        {
            if (started)
            {
                throw new InvalidOperationException("the poll thread was started twice");
            }

            started = true;
        }

        var thread = new Thread(() => Run(onBatch, onFailure))
        {
            IsBackground = true,
            Name = "kafka-consumer-" + config.GroupId,
        };
        thread.Start();
    }

    /// <summary>Asks for up to <paramref name="maxRecords"/> records; answered by one batch.</summary>
    public void Request(int maxRecords)
    {
        lock (gate)
        {
            requested = maxRecords;
            Monitor.PulseAll(gate);
        }
    }

    public void Seek(TopicPartitionOffset position, long generation, TaskCompletionSource done)
    {
        Enqueue(
            consumer =>
            {
                try
                {
                    consumer.Seek(position);
                    seekGeneration = generation;
                    done.TrySetResult();
                }
                catch (KafkaException e)
                {
                    done.TrySetException(e);
                }
            },
            done);
    }

    /// <summary>
    /// Commits the offsets. Commits queued back to back are sent as one synchronous commit (the last offset of each
    /// partition wins, as it would one after another): a commit costs a round trip on the poll thread, and one per
    /// partition would stall consuming on a slow link.
    /// </summary>
    public Task CommitAsync(IReadOnlyList<TopicPartitionOffset> offsets)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (gate)
        {
            if (!stopping)
            {
                commands.Enqueue(new Command(null, done, offsets));
                Monitor.PulseAll(gate);
                return done.Task;
            }
        }

        done.TrySetException(new InvalidOperationException("the Kafka consumer source has stopped"));
        return done.Task;
    }

    /// <summary>Runs one commit for a run of queued commits; every one of them completes with its outcome.</summary>
    private static void CommitTogether(IConsumer<byte[]?, byte[]?> consumer, List<Command> run)
    {
        var merged = new Dictionary<TopicPartition, TopicPartitionOffset>();
        foreach (var command in run)
        {
            foreach (var offset in command.Commit!)
            {
                merged[offset.TopicPartition] = offset;
            }
        }

        try
        {
            if (merged.Count > 0)
            {
                consumer.Commit(merged.Values.ToList());
            }

            foreach (var command in run)
            {
                command.Done.TrySetResult();
            }
        }
        catch (KafkaException e)
        {
            foreach (var command in run)
            {
                command.Done.TrySetException(e);
            }
        }
    }

    /// <summary>A command for the poll thread: an action, or (when <see cref="Commit"/> is set) offsets to commit.</summary>
    private sealed record Command(Action<IConsumer<byte[]?, byte[]?>>? Run, TaskCompletionSource Done, IReadOnlyList<TopicPartitionOffset>? Commit);

    /// <summary>Closes the consumer (leaving the group) after the commands queued so far.</summary>
    public void Stop()
    {
        bool neverStarted;
        lock (gate)
        {
            stopping = true;
            neverStarted = !started;
            Monitor.PulseAll(gate);
        }

        if (neverStarted)
        {
            completion.TrySetResult();
        }
    }

    private void Enqueue(Action<IConsumer<byte[]?, byte[]?>> command, TaskCompletionSource done)
    {
        lock (gate)
        {
            if (!stopping)
            {
                commands.Enqueue(new Command(command, done, null));
                Monitor.PulseAll(gate);
                return;
            }
        }

        done.TrySetException(new InvalidOperationException("the Kafka consumer source has stopped"));
    }

    private void Run(Action<PollBatch> onBatch, Action<Exception> onFailure)
    {
        IConsumer<byte[]?, byte[]?>? built = null;
        try
        {
            built = Build();
            built.Subscribe(settings.Topics);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // bad config, librdkafka not loadable, ...: an exception must not escape this thread (it would end the process)
            built?.Dispose();
            FailPending(e);
            onFailure(e);
            completion.TrySetException(e);
            return;
        }

        var consumer = built;
        Exception? failure = null;
        try
        {
            Loop(consumer, onBatch);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // fatal client errors, and whatever a user's ErrorHandler throws: fail the stream, still close the consumer
            failure = e;
            onFailure(e);
        }

        current = [];
        try
        {
            consumer.Close();
        }
        catch (KafkaException e)
        {
            failure ??= e;
        }
        finally
        {
            consumer.Dispose();
        }

        FailPending(failure ?? new InvalidOperationException("the Kafka consumer source has stopped"));
        if (failure is null)
        {
            completion.TrySetResult();
        }
        else
        {
            completion.TrySetException(failure);
        }
    }

    private void Loop(IConsumer<byte[]?, byte[]?> consumer, Action<PollBatch> onBatch)
    {
        var ready = new List<Command>();
        var commits = new List<Command>();
        while (true)
        {
            int want;
            bool stop;
            lock (gate)
            {
                while (commands.Count == 0 && !stopping && requested == 0)
                {
                    Monitor.Wait(gate);
                }

                ready.AddRange(commands);
                commands.Clear();
                stop = stopping;
                want = requested;
            }

            foreach (var command in ready)
            {
                if (command.Commit is not null)
                {
                    commits.Add(command);
                    continue;
                }

                if (commits.Count > 0)
                {
                    CommitTogether(consumer, commits);
                    commits.Clear();
                }

                command.Run!(consumer);
            }

            if (commits.Count > 0)
            {
                CommitTogether(consumer, commits);
                commits.Clear();
            }

            ready.Clear();
            if (stop)
            {
                return;
            }

            if (want > 0 && Poll(consumer, want) is { } batch)
            {
                lock (gate)
                {
                    requested = 0;
                }

                onBatch(batch);
            }
        }
    }

    /// <summary>One Consume that may wait, then more that do not, up to <paramref name="want"/> records.</summary>
    private PollBatch? Poll(IConsumer<byte[]?, byte[]?> consumer, int want)
    {
        current = [];
        int records = Take(consumer, settings.PollTimeout);
        if (current.Count == 0)
        {
            return null;
        }

        while (records < want)
        {
            int before = current.Count;
            records += Take(consumer, TimeSpan.Zero);
            if (current.Count == before)
            {
                break;
            }
        }

        RecordHighWatermarks(consumer);
        var batch = new PollBatch(current, seekGeneration);
        current = [];
        return batch;
    }

    /// <summary>Caches librdkafka's last known high watermark of each partition in the batch (no broker call).</summary>
    private void RecordHighWatermarks(IConsumer<byte[]?, byte[]?> consumer)
    {
        string? lastTopic = null;
        int lastPartition = -1;
        foreach (var element in current)
        {
            if (element is not KafkaRecord record || (record.Partition == lastPartition && record.Topic == lastTopic))
            {
                continue;
            }

            lastTopic = record.Topic;
            lastPartition = record.Partition;
            var tp = record.TopicPartition;
            var high = consumer.GetWatermarkOffsets(tp).High;
            if (high != Offset.Unset)
            {
                highWatermarks[tp] = high.Value;
            }
        }
    }

    private int Take(IConsumer<byte[]?, byte[]?> consumer, TimeSpan timeout)
    {
        ConsumeResult<byte[]?, byte[]?>? result;
        try
        {
            result = consumer.Consume(timeout);
        }
        catch (ConsumeException e) when (!e.Error.IsFatal)
        {
            settings.ErrorHandler?.Invoke(e.Error);
            return 0;
        }

        if (fatalError is { } fatal)
        {
            throw new KafkaException(fatal);
        }

        if (result is null)
        {
            return 0;
        }

        if (result.IsPartitionEOF)
        {
            current.Add(new PartitionEndReached(result.TopicPartitionOffset));
            return 0;
        }

        Interlocked.Increment(ref recordsPolled);
        var message = result.Message;
        current.Add(new KafkaRecord(result.Topic, result.Partition.Value, result.Offset.Value, message.Key, message.Value, message.Headers ?? [], message.Timestamp));
        return 1;
    }

    private IConsumer<byte[]?, byte[]?> Build()
    {
        var builder = new ConsumerBuilder<byte[]?, byte[]?>(config)
            .SetPartitionsAssignedHandler((_, partitions) => current.Add(new PartitionsAssigned(partitions.ToList())))
            .SetPartitionsRevokedHandler((_, partitions) => current.Add(new PartitionsRevoked(partitions.ToList())))
            .SetPartitionsLostHandler((_, partitions) => current.Add(new PartitionsLost(partitions.ToList())))
            .SetErrorHandler((_, error) =>
            {
                if (error.IsFatal)
                {
                    fatalError = error;
                }
                else
                {
                    settings.ErrorHandler?.Invoke(error);
                }
            });
        if (settings.LogHandler is { } log)
        {
            builder.SetLogHandler((_, message) => log(message));
        }

        return builder.Build();
    }

    private void FailPending(Exception reason)
    {
        List<TaskCompletionSource> left;
        lock (gate)
        {
            stopping = true;
            left = commands.Select(c => c.Done).ToList();
            commands.Clear();
        }

        foreach (var done in left)
        {
            done.TrySetException(reason);
        }
    }
}
