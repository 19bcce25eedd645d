using Akka.Streams.Stage;
using Confluent.Kafka;

namespace HeuristicsBench.KafkaStreams;

/// <summary>
/// Stage side of <see cref="KafkaConsumerSource"/>: holds at most one batch from the poll thread, asks for the next
/// one only when downstream pulls with nothing held, and applies seeks before every push.
/// </summary>
internal sealed class KafkaConsumerSourceLogic : GraphStageLogic
{
    private readonly KafkaConsumerSource stage;
    private readonly KafkaConsumerSettings settings;
    private readonly ConsumerPoller poller;
    private readonly KafkaConsumerControl control;
    private readonly Queue<KafkaConsumerEvent> buffer = new();
    private readonly Dictionary<TopicPartition, long> soughtAt = [];
    private bool requested;
    private long seekGeneration;

    public KafkaConsumerSourceLogic(KafkaConsumerSource stage, KafkaConsumerSettings settings, ConsumerPoller poller, KafkaConsumerControl control)
        : base(stage.Shape)
    {
        this.stage = stage;
        this.settings = settings;
        this.poller = poller;
        this.control = control;
        SetHandler(stage.Out, onPull: OnPull, onDownstreamFinish: _ => CompleteStage());
    }

    public override void PreStart()
    {
        var onBatch = GetAsyncCallback<PollBatch>(OnBatch);
        var onFailure = GetAsyncCallback<Exception>(FailStage);
        var onWake = GetAsyncCallback(ApplySeeks);
        var onStop = GetAsyncCallback(CompleteStage);
        control.Bind(onWake, onStop);
        poller.Start(onBatch, onFailure);
        ApplySeeks();
    }

    public override void PostStop()
    {
        poller.Stop();
        foreach (var seek in control.TakePendingSeeks())
        {
            seek.Done.TrySetException(new InvalidOperationException("the Kafka consumer source has stopped"));
        }
    }

    private void OnPull()
    {
        ApplySeeks();
        Deliver();
    }

    private void OnBatch(PollBatch batch)
    {
        requested = false;
        ApplySeeks();
        foreach (var element in batch.Events)
        {
            if (element is KafkaRecord record && soughtAt.TryGetValue(record.TopicPartition, out long generation) && batch.SeekGeneration < generation)
            {
                continue;
            }

            buffer.Enqueue(element);
        }

        if (IsAvailable(stage.Out))
        {
            Deliver();
        }
    }

    private void Deliver()
    {
        while (buffer.Count > 0)
        {
            // Atomically with SeekAsync: either a seek came in (apply it, which may drop held records) or this push
            // is counted before any later seek, so nothing taken before a seek is emitted after SeekAsync returned.
            var seeks = control.TakePendingSeeksOrCountEmission();
            if (seeks.Count == 0)
            {
                Push(stage.Out, buffer.Dequeue());
                return;
            }

            Apply(seeks);
        }

        if (!requested)
        {
            requested = true;
            poller.Request(settings.MaxBatchSize);
        }
    }

    /// <summary>
    /// Drops held records of every partition sought since the last call and has the poll thread seek; batches the
    /// poll thread took before carrying out the seek are filtered by generation in <see cref="OnBatch"/>.
    /// </summary>
    private void ApplySeeks() => Apply(control.TakePendingSeeks());

    private void Apply(List<PendingSeek> seeks)
    {
        if (seeks.Count == 0)
        {
            return;
        }

        foreach (var seek in seeks)
        {
            seekGeneration++;
            var partition = seek.Position.TopicPartition;
            soughtAt[partition] = seekGeneration;
            poller.Seek(seek.Position, seekGeneration, seek.Done);
        }

        var sought = seeks.Select(s => s.Position.TopicPartition).ToHashSet();
        var kept = buffer.Where(e => e is not KafkaRecord r || !sought.Contains(r.TopicPartition)).ToList();
        buffer.Clear();
        foreach (var element in kept)
        {
            buffer.Enqueue(element);
        }
    }
}
