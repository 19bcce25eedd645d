using HeuristicsBench.Experiments;
using HeuristicsBench.Results.History;

namespace HeuristicsBench.Results.Runs;

/// <summary>
/// Everything one run left behind: its plan (<see cref="Run"/>), when it ran (Unix seconds), the measured history,
/// the faults as applied, the checkers' verdicts, the final model (the miner's last published JSON; null when none
/// came), and why it ended early (<see cref="AbortReason"/>: an abort condition fired; <see cref="Error"/>: the
/// run could not be carried out) and whether the steady-state hypothesis held (<see cref="HypothesisDeviation"/>
/// null when it held or none was given; <see cref="HypothesisChecked"/> false when the experiment has none).
/// <see cref="EventsInTopic"/> is the input topic's record count at the end; <see cref="Commands"/> the command
/// line of every child process started (restarts included), for the manifest.
/// </summary>
public sealed record RunRecord(
    ExperimentRun Run,
    double StartTime,
    double EndTime,
    RunHistory History,
    IReadOnlyList<AppliedFault> Faults,
    IReadOnlyList<CheckerVerdict> Verdicts,
    string? FinalModelJson,
    string? AbortReason,
    bool HypothesisChecked,
    string? HypothesisDeviation,
    string? Error,
    long EventsInTopic,
    IReadOnlyList<string> Commands)
{
    public bool Passed => Error is null && Verdicts.All(v => v.Passed);
}
