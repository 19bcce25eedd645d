namespace HeuristicsBench.Workloads.Models;

/// <summary>
/// The true model a stream was generated from, computed from the model's structure (never by sampling):
/// its visible activities, causal relations, start and end activities. Lists sorted ordinally.
/// </summary>
public sealed record GroundTruth(
    IReadOnlyList<string> Activities,
    IReadOnlyList<CausalRelation> Relations,
    IReadOnlyList<string> StartActivities,
    IReadOnlyList<string> EndActivities);
