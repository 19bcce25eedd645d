namespace HeuristicsBench.Experiments;

/// <summary>The process a fault hits. Network faults act on that process's connections to the broker.</summary>
public enum FaultTarget
{
    Miner,
    Generator,
    Broker,
}
