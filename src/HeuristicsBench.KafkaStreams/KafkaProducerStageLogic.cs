using System.Collections.Concurrent;
using Akka.Streams.Stage;
using Confluent.Kafka;

namespace HeuristicsBench.KafkaStreams;

/// <summary>
/// Hands each element to the producer with a delivery handler and keeps it in an in-order queue of slots. Delivery
/// handlers (librdkafka's thread) only queue the report and wake the stage once per burst, so many reports cost one
/// async callback. Results leave in input order as soon as the head slot is delivered; a failed head fails the stage.
/// </summary>
internal sealed class KafkaProducerStageLogic<TPassThrough> : GraphStageLogic
{
    private readonly KafkaProducerStage<TPassThrough> stage;
    private readonly Queue<ProducerSlot<TPassThrough>> inFlight = new();
    private readonly ConcurrentQueue<(ProducerSlot<TPassThrough> Slot, DeliveryReport<byte[]?, byte[]?> Report)> reports = new();
    private Action? wake;
    private int wakeScheduled;

    public KafkaProducerStageLogic(KafkaProducerStage<TPassThrough> stage)
        : base(stage.Shape)
    {
        this.stage = stage;
        SetHandler(stage.In, onPush: OnPush, onUpstreamFinish: CompleteWhenDrained);
        SetHandler(stage.Out, onPull: Emit);
    }

    public override void PreStart()
    {
        wake = GetAsyncCallback(OnReports);
        Pull(stage.In);
    }

    private void OnPush()
    {
        var element = Grab(stage.In);
        var slot = new ProducerSlot<TPassThrough>(element.PassThrough);
        inFlight.Enqueue(slot);
        void OnDelivered(DeliveryReport<byte[]?, byte[]?> report)
        {
            reports.Enqueue((slot, report));
            if (Interlocked.Exchange(ref wakeScheduled, 1) == 0)
            {
                wake!();
            }
        }

        if (element.Partition is { } partition)
        {
            stage.Producer.Produce(new TopicPartition(element.Topic, partition), element.Message, OnDelivered);
        }
        else
        {
            stage.Producer.Produce(element.Topic, element.Message, OnDelivered);
        }

        PullIfRoom();
    }

    private void OnReports()
    {
        Volatile.Write(ref wakeScheduled, 0);
        while (reports.TryDequeue(out var delivered))
        {
            delivered.Slot.Report = delivered.Report;
        }

        if (IsAvailable(stage.Out))
        {
            Emit();
        }
    }

    private void Emit()
    {
        if (!inFlight.TryPeek(out var head) || head.Report is not { } report)
        {
            return;
        }

        if (report.Error.IsError)
        {
            FailStage(new ProduceException<byte[]?, byte[]?>(report.Error, report));
            return;
        }

        inFlight.Dequeue();
        Push(stage.Out, new ProducerResult<TPassThrough>(report, head.PassThrough));
        if (IsClosed(stage.In))
        {
            CompleteWhenDrained();
        }
        else
        {
            PullIfRoom();
        }
    }

    private void PullIfRoom()
    {
        if (inFlight.Count < stage.Parallelism && !HasBeenPulled(stage.In) && !IsClosed(stage.In))
        {
            Pull(stage.In);
        }
    }

    private void CompleteWhenDrained()
    {
        if (inFlight.Count == 0)
        {
            CompleteStage();
        }
    }
}
