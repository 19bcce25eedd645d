namespace HeuristicsBench.Experiments;

/// <summary>
/// One concrete run of an experiment: a scenario at one sweep value (null without a sweep) and one iteration
/// (1-based), with its faults as applied and its own seed.
/// </summary>
public sealed record ExperimentRun(
    int Index,
    string Scenario,
    int SweepIndex,
    FaultParameterValue? SweepValue,
    int Iteration,
    TimeSpan Duration,
    IReadOnlyList<Fault> Faults,
    long Seed);
