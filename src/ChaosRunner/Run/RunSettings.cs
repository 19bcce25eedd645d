namespace ChaosRunner.Run;

/// <summary>What <c>run</c> was asked: the experiment file, where results go, and how to talk.</summary>
public sealed record RunSettings(
    string ExperimentFile,
    string ResultsRoot,
    string Backend,
    bool Quiet,
    TimeSpan DrainTimeout,
    string? ServicesDirectory,
    bool KeepWork,
    string CommandLine);
