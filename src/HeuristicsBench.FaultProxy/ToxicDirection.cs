namespace HeuristicsBench.FaultProxy;

/// <summary>Which way a toxic acts: upstream is client to server, downstream is server to client.</summary>
public enum ToxicDirection
{
    Upstream,
    Downstream,
}
