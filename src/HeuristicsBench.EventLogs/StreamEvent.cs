namespace HeuristicsBench.EventLogs;

/// <summary>
/// One event of a generated stream: the reference paper's fields (timestamp, activity, caseid, node, group)
/// and ours (event id, per-case sequence number from 1, whether it ends its case, the model version it was
/// simulated from, and the wall-clock time it was emitted, when emitted live).
/// </summary>
public sealed record StreamEvent(
    string CaseId,
    string Activity,
    DateTimeOffset Timestamp,
    long EventId,
    int Sequence,
    bool LastInCase,
    int ModelVersion,
    string Node,
    string Group,
    DateTimeOffset? EmittedAt = null);
