namespace HeuristicsBench.EventLogs;

/// <summary>Which events to keep according to their <c>lifecycle:transition</c>.</summary>
public enum LifecycleFilter
{
    /// <summary>Keep events whose transition is absent or is <c>complete</c> (compared ignoring case).</summary>
    CompleteOnly,

    /// <summary>Keep every event.</summary>
    All,
}
