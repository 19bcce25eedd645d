using Confluent.Kafka;

namespace HeuristicsBench.KafkaStreams;

/// <summary>
/// Materialized value of <see cref="KafkaConsumerSource"/>: seek, commit and stop the running consumer. Thread-safe.
/// </summary>
public sealed class KafkaConsumerControl
{
    private readonly object gate = new();
    private readonly List<PendingSeek> pendingSeeks = [];
    private readonly ConsumerPoller poller;
    private Action? wake;
    private Action? stop;
    private bool stopRequested;
    private long elementsEmitted;

    internal KafkaConsumerControl(ConsumerPoller poller) => this.poller = poller;

    /// <summary>Completes once the consumer has been closed (it left the group) and disposed; faults if it failed.</summary>
    public Task Completion => poller.Completion;

    /// <summary>Records taken from the Confluent consumer so far (lifecycle events not counted).</summary>
    public long RecordsPolled => poller.RecordsPolled;

    /// <summary>
    /// The partition's high watermark (offset of the next record to be written) as last seen by the consumer: cached
    /// from the fetch responses of the batch that carried the partition's latest records, so it is as fresh as the
    /// last batch, not a broker round trip. False before any record of the partition was polled.
    /// </summary>
    public bool TryGetHighWatermark(TopicPartition partition, out long high) => poller.TryGetHighWatermark(partition, out high);

    /// <summary>Elements (records and events) pushed downstream so far.</summary>
    public long ElementsEmitted => Interlocked.Read(ref elementsEmitted);

    /// <summary>
    /// Makes the partition continue at <paramref name="position"/>. Records of that partition the source has taken
    /// but not yet emitted are dropped, so after this call returns the next record of the partition the source emits
    /// is the one at the new position (provided the partition stays assigned). Records already emitted into
    /// downstream buffers are not recalled. The task completes once the consumer has carried out the seek.
    /// </summary>
    public Task SeekAsync(TopicPartitionOffset position)
    {
        ArgumentNullException.ThrowIfNull(position);
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Action? nudge;
        lock (gate)
        {
            pendingSeeks.Add(new PendingSeek(position, done));
            nudge = wake;
        }

        nudge?.Invoke();
        return done.Task;
    }

    /// <summary>Commits offsets (each the next offset to read) synchronously on the poll thread; the task faults
    /// with the Kafka error if the commit fails (for example after the partition was revoked).</summary>
    public Task CommitAsync(IEnumerable<TopicPartitionOffset> offsets)
    {
        ArgumentNullException.ThrowIfNull(offsets);
        return poller.CommitAsync(offsets.ToList());
    }

    /// <summary>Completes the stream; the consumer then closes and leaves the group (see <see cref="Completion"/>).</summary>
    public void Stop()
    {
        Action? complete;
        lock (gate)
        {
            stopRequested = true;
            complete = stop;
        }

        if (complete is null)
        {
            poller.Stop();
        }
        else
        {
            complete();
        }
    }

    internal void Bind(Action wakeCallback, Action stopCallback)
    {
        bool stopNow;
        lock (gate)
        {
            wake = wakeCallback;
            stop = stopCallback;
            stopNow = stopRequested;
        }

        if (stopNow)
        {
            stopCallback();
        }
    }

    internal List<PendingSeek> TakePendingSeeks()
    {
        lock (gate)
        {
            if (pendingSeeks.Count == 0)
            {
                return [];
            }

            var taken = pendingSeeks.ToList();
            pendingSeeks.Clear();
            return taken;
        }
    }

    /// <summary>Takes the pending seeks if there are any; otherwise counts one emission (the caller pushes). Under
    /// the same lock as <see cref="SeekAsync"/>, so a push is either counted before a seek or preceded by it.</summary>
    internal List<PendingSeek> TakePendingSeeksOrCountEmission()
    {
        lock (gate)
        {
            if (pendingSeeks.Count == 0)
            {
                Interlocked.Increment(ref elementsEmitted);
                return [];
            }

            var taken = pendingSeeks.ToList();
            pendingSeeks.Clear();
            return taken;
        }
    }
}
