using Prometheus;

namespace HeuristicsMiner.Serving;

/// <summary>The miner service's Prometheus metrics, in one registry of their own (so two miners in one test
/// process do not mix). Names are documented in the README's "Miner service" section.</summary>
public sealed class MinerMetrics
{
    public MinerMetrics(CollectorRegistry registry)
    {
        Registry = registry;
        var f = Metrics.WithCustomRegistry(registry);
        Consumed = f.CreateCounter("heuristics_miner_events_consumed_total", "Input records taken from Kafka (valid, invalid and already reflected)");
        Valid = f.CreateCounter("heuristics_miner_events_valid_total", "Events counted into the state");
        Invalid = f.CreateCounter("heuristics_miner_events_invalid_total", "Records sent to the dead-letter topic", "reason");
        AlreadyReflected = f.CreateCounter("heuristics_miner_events_already_reflected_total", "Re-delivered records below the checkpointed offset, skipped");
        DeadLetterErrors = f.CreateCounter("heuristics_miner_dead_letter_errors_total", "Dead-letter records the broker did not accept");
        Position = f.CreateGauge("heuristics_miner_partition_next_offset", "Next input offset per assigned partition (everything before it is in the state)", "topic", "partition");
        Lag = f.CreateGauge("heuristics_miner_partition_lag", "High watermark (as the consumer last saw it) minus the next offset, per assigned partition", "topic", "partition");
        PartitionEvents = f.CreateGauge("heuristics_miner_partition_events", "Events counted in each assigned partition's state", "topic", "partition");
        AssignedPartitions = f.CreateGauge("heuristics_miner_assigned_partitions", "Partitions this instance owns");
        Entries = f.CreateGauge("heuristics_miner_lc_entries", "Summary entries over the assigned partitions, per structure (at the last model emission)", "structure");
        ModelEvents = f.CreateGauge("heuristics_miner_model_events", "eventsProcessed of the last model emitted");
        Emissions = f.CreateCounter("heuristics_miner_model_emissions_total", "Models published to the model topic");
        EmissionErrors = f.CreateCounter("heuristics_miner_model_emission_errors_total", "Model records the broker did not accept");
        Checkpoints = f.CreateCounter("heuristics_miner_checkpoints_total", "Checkpoints stored");
        CheckpointFailures = f.CreateCounter("heuristics_miner_checkpoint_failures_total", "Checkpoints that could not be stored (retried later)");
        CheckpointDuration = f.CreateHistogram("heuristics_miner_checkpoint_duration_seconds", "Snapshot to durable in the store",
            new HistogramConfiguration { Buckets = Histogram.ExponentialBuckets(0.0005, 2, 16) });
        RestoreDuration = f.CreateHistogram("heuristics_miner_restore_duration_seconds", "Loading and restoring the checkpoints of an assignment",
            new HistogramConfiguration { Buckets = Histogram.ExponentialBuckets(0.0005, 2, 16) });
        Latency = f.CreateHistogram("heuristics_miner_end_to_end_latency_seconds", "Event emittedAt (generator clock) to counted (miner clock)",
            new HistogramConfiguration { Buckets = Histogram.ExponentialBuckets(0.0005, 2, 20) });
        NegativeLatency = f.CreateCounter("heuristics_miner_negative_latency_total", "Events counted before their emittedAt by the miner's clock (clock skew); not in the histogram");
    }

    public CollectorRegistry Registry { get; }
    public Counter Consumed { get; }
    public Counter Valid { get; }
    public Counter Invalid { get; }
    public Counter AlreadyReflected { get; }
    public Counter DeadLetterErrors { get; }
    public Gauge Position { get; }
    public Gauge Lag { get; }
    public Gauge PartitionEvents { get; }
    public Gauge AssignedPartitions { get; }
    public Gauge Entries { get; }
    public Gauge ModelEvents { get; }
    public Counter Emissions { get; }
    public Counter EmissionErrors { get; }
    public Counter Checkpoints { get; }
    public Counter CheckpointFailures { get; }
    public Histogram CheckpointDuration { get; }
    public Histogram RestoreDuration { get; }
    public Histogram Latency { get; }
    public Counter NegativeLatency { get; }
}
