namespace HeuristicsBench.Results.Runs;

/// <summary>
/// One window of one fault as the nemesis applied it. <see cref="PlannedStart"/>/<see cref="PlannedEnd"/> come from
/// the schedule, <see cref="AppliedStart"/>/<see cref="AppliedEnd"/> are when injection and removal completed (null:
/// never applied, or never removed because the run ended first). All times are Unix seconds. <see cref="Parameters"/>
/// reads like <c>latency=100ms jitter=10ms</c>; <see cref="Note"/> says what happened (e.g. "restarted pid 1234").
/// </summary>
public sealed record AppliedFault(
    int FaultIndex,
    int Repetition,
    string Kind,
    string Target,
    string Parameters,
    double PlannedStart,
    double PlannedEnd,
    double? AppliedStart,
    double? AppliedEnd,
    string Note);
