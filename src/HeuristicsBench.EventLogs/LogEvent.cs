namespace HeuristicsBench.EventLogs;

/// <summary>One event of an event log: the case it belongs to, what happened, and when (if the log says).</summary>
/// <param name="CaseId">The case (trace) identifier; never empty.</param>
/// <param name="Activity">The activity name; never empty.</param>
/// <param name="Timestamp">When the event happened, with the offset the log gave (UTC when it gave none); <see langword="null"/> when the log has no timestamp for it.</param>
public readonly record struct LogEvent(string CaseId, string Activity, DateTimeOffset? Timestamp);
