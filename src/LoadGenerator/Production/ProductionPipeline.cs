using Akka;
using Akka.Streams;
using Akka.Streams.Dsl;
using Confluent.Kafka;
using HeuristicsBench.EventLogs;
using HeuristicsBench.KafkaStreams;
using HeuristicsBench.Workloads.Pacing;

namespace LoadGenerator.Production;

/// <summary>
/// The Akka.Streams graph of <c>produce</c>, fused into one actor: events → pacing → kill switch → encode (stamps
/// emittedAt, counts the event as handed) → <see cref="KafkaProducerFlow"/> (at most <c>maxInFlight</c> unacknowledged;
/// beyond it nothing upstream is pulled, so pacing falls behind) → acknowledgement, in input order. Fused stages have
/// no buffers between them, so an event is stamped and counted only when the producer flow asks for it.
/// </summary>
public static class ProductionPipeline
{
    /// <returns>The kill switch (Shutdown: take no more events, let those in flight finish) and the stream's completion.</returns>
    public static (UniqueKillSwitch Stop, Task Done) Run(
        IEnumerable<StreamEvent> events,
        RateController? pacer,
        EventMessageEncoder encoder,
        IProducer<byte[]?, byte[]?> producer,
        int maxInFlight,
        Action<ProducerResult<SentEvent>> acknowledge,
        IMaterializer materializer)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        var source = Source.From(events);
        if (pacer is not null)
            source = source.SelectAsync(1, async e =>
            {
                await pacer.WaitAsync().ConfigureAwait(false);
                return e;
            });
        var (stop, done) = source
            .ViaMaterialized(KillSwitches.Single<StreamEvent>(), Keep.Right)
            .Select(encoder.Encode)
            .Via(KafkaProducerFlow.Create<SentEvent>(producer, new KafkaProducerSettings { Parallelism = maxInFlight }))
            .ToMaterialized(Sink.ForEach(acknowledge), Keep.Both)
            .Run(materializer);
        return (stop, done);
    }
}
