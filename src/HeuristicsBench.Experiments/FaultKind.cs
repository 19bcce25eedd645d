namespace HeuristicsBench.Experiments;

/// <summary>The fault kinds; their file names, targets and parameters are in <see cref="FaultKindSpec"/>.</summary>
public enum FaultKind
{
    NetworkDelay,
    PacketLoss,
    ConnectionLoss,
    NetworkPartition,
    BandwidthLimit,
    PodKill,
    PodFailure,
    ClockSkew,
    CpuStress,
    BrokerKill,
}
