namespace HeuristicsBench.Prometheus.Queries;

/// <summary>Where <c>Lag_Input_Topic</c> and <c>Lag_Partition_&lt;p&gt;</c> come from.</summary>
public enum LagSource
{
    /// <summary><c>kafka_consumergroup_lag</c> (log end − committed offset) of a Kafka exporter (Strimzi's, or the
    /// embedded broker's <c>--metrics-port</c>): the paper's query and the runner's definition; clock-free, and still
    /// measured while the miner is down.</summary>
    KafkaExporter,

    /// <summary><c>heuristics_miner_partition_lag</c>, the miner's own gauge (high watermark as the miner last fetched
    /// it − its next offset), for clusters without an exporter. Absent while the miner is down, and it measures from the
    /// next offset, not the committed one, so it runs below the exporter's figure by the events not yet committed.</summary>
    MinerGauge,
}
