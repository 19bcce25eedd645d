namespace ChaosRunner.Run;

/// <summary>What <c>run</c> was asked: the experiment file, where results go, how to talk, and for
/// <c>--backend k8s</c> where the system runs (<see cref="Kubernetes"/>, null for local runs).</summary>
public sealed record RunSettings(
    string ExperimentFile,
    string ResultsRoot,
    string Backend,
    bool Quiet,
    TimeSpan DrainTimeout,
    string? ServicesDirectory,
    bool KeepWork,
    string CommandLine,
    Kubernetes.KubernetesSettings? Kubernetes = null);
