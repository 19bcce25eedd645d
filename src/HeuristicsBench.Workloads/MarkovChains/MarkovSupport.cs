namespace HeuristicsBench.Workloads.MarkovChains;

/// <summary>
/// Which events are possible: those positive at the drift start, at the drift end, or strictly inside the drift
/// (positive at either end — a linear blend of two non-negative values is positive iff one of them is).
/// </summary>
internal enum MarkovSupport
{
    From,
    To,
    Any,
}
