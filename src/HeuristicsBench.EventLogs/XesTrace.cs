namespace HeuristicsBench.EventLogs;

/// <summary>The kept events of one XES trace, in document order.</summary>
/// <param name="CaseId">The trace's concept:name.</param>
/// <param name="Events">The kept events; at least one.</param>
/// <param name="AllTimestamped">Whether every kept event has a timestamp.</param>
internal sealed record XesTrace(string CaseId, IReadOnlyList<LogEvent> Events, bool AllTimestamped);
