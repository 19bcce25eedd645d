namespace HeuristicsBench.Results.History;

/// <summary>
/// The names in the <c>Metric</c> column of a run's history (docs/results.md). Times are Unix seconds; one sample
/// per metric per second unless said otherwise.
/// </summary>
public static class MetricNames
{
    /// <summary>Consumer lag of the miner's group, summed over partitions: high watermark − committed offset (events).
    /// The paper's metric name, so <c>heuristics-bench analyze</c> and the paper's scripts read it as is.</summary>
    public const string Lag = "Lag_Input_Topic";

    /// <summary>Per-partition consumer lag: <c>Lag_Partition_3</c>.</summary>
    public const string LagPartitionPrefix = "Lag_Partition_";

    /// <summary>High watermark − the offsets of the newest published model, summed (events): how far the model is behind.</summary>
    public const string ModelLag = "Lag_Model";

    /// <summary>Events appended to the input topic per second (from high watermarks).</summary>
    public const string ThroughputIn = "Throughput_In";

    /// <summary>Events reflected in the published model per second (from the model's offsets).</summary>
    public const string ThroughputOut = "Throughput_Out";

    /// <summary>End-to-end latency (emitted-at → processed) quantiles of the events processed in the last second, ms.</summary>
    public const string LatencyP50 = "Latency_P50_ms";

    public const string LatencyP95 = "Latency_P95_ms";

    public const string LatencyP99 = "Latency_P99_ms";

    /// <summary>Lossy Counting entries held by the miner (all structures).</summary>
    public const string LcEntries = "LC_Entries";

    /// <summary>F1 of the newest model's arcs against the generator's ground truth, 0..1.</summary>
    public const string FidelityF1 = "Fidelity_F1";

    /// <summary>Arc-set similarity (F1) of the newest model against offline mining of the same records at the same offsets, 0..1.</summary>
    public const string BaselineSimilarity = "Baseline_Similarity";

    /// <summary>Number of faults active (as applied by the nemesis) at the sample time.</summary>
    public const string FaultsActive = "Faults_Active";

    /// <summary>Events the generator has had acknowledged (cumulative, summed over its incarnations).</summary>
    public const string EventsAcknowledged = "Events_Acknowledged";

    /// <summary>Events in the published model (<c>eventsProcessed</c> of the newest model).</summary>
    public const string EventsProcessed = "Events_Processed";

    public static string LagPartition(int partition) => LagPartitionPrefix + partition.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
