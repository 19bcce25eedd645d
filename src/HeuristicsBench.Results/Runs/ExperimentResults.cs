using HeuristicsBench.Experiments;

namespace HeuristicsBench.Results.Runs;

/// <summary>
/// One execution of an experiment file: what was asked (<see cref="Experiment"/>, the file's path and text, the
/// command line, the backend), when, and the records of the runs finished so far (all of them once
/// <see cref="Finished"/> is set).
/// </summary>
public sealed record ExperimentResults(
    Experiment Experiment,
    string ExperimentPath,
    string ExperimentText,
    string CommandLine,
    string Backend,
    IReadOnlyList<ExperimentRun> PlannedRuns,
    DateTimeOffset Started,
    DateTimeOffset? Finished,
    IReadOnlyList<RunRecord> Runs);
