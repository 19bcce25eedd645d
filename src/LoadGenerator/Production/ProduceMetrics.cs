using Prometheus;

namespace LoadGenerator.Production;

/// <summary>The Prometheus metrics of <c>produce</c>, in a registry of their own (served on /metrics).</summary>
public sealed class ProduceMetrics
{
    public ProduceMetrics()
    {
        Registry = Metrics.NewCustomRegistry();
        var factory = Metrics.WithCustomRegistry(Registry);
        EventsProduced = factory.CreateCounter("loadgen_events_produced_total", "Events the broker acknowledged.");
        ProduceErrors = factory.CreateCounter("loadgen_produce_errors_total",
            "Errors: kind=delivery, a message failed for good (the run ends); kind=client, an error librdkafka reported and retries by itself (broker down, connection lost).",
            new CounterConfiguration { LabelNames = ["kind"] });
        DeliveryLatency = factory.CreateHistogram("loadgen_delivery_latency_seconds",
            "From handing an event to the producer until its acknowledgement reached the pipeline (in order).",
            new HistogramConfiguration { Buckets = Histogram.ExponentialBuckets(0.0005, 2, 18) });
        InFlight = factory.CreateGauge("loadgen_in_flight", "Events handed to the producer and not yet acknowledged (bounded by --max-in-flight).");
        TargetRate = factory.CreateGauge("loadgen_target_rate", "Rate the load shape asks for now, events/s (0: unpaced).");
        BehindSchedule = factory.CreateGauge("loadgen_behind_schedule_seconds", "How far pacing lags the load shape (back-pressure from the broker).");
        DeliveryErrors = ProduceErrors.WithLabels("delivery");
        ClientErrors = ProduceErrors.WithLabels("client");
    }

    public CollectorRegistry Registry { get; }

    public Counter EventsProduced { get; }

    public Counter ProduceErrors { get; }

    public Counter.Child DeliveryErrors { get; }

    public Counter.Child ClientErrors { get; }

    public Histogram DeliveryLatency { get; }

    public Gauge InFlight { get; }

    public Gauge TargetRate { get; }

    public Gauge BehindSchedule { get; }
}
