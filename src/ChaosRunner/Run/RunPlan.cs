using HeuristicsBench.Experiments;

namespace ChaosRunner.Run;

/// <summary>One run to carry out: the experiment it belongs to, the run, and where its files go.</summary>
public sealed record RunPlan(Experiment Experiment, ExperimentRun Run, string RunDirectory, string WorkDirectory)
{
    public Workload Workload => Experiment.Workload;

    public SystemUnderTest System => Experiment.System;

    public string LogDirectory => Path.Combine(RunDirectory, "logs");

    public const string EventsTopic = "events";

    public const string ModelTopic = "events.models";

    public const string MinerGroup = "heuristics-miner";
}
