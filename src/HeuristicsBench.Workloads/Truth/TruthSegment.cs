using HeuristicsBench.Workloads.Models;

namespace HeuristicsBench.Workloads.Truth;

/// <summary>
/// The ground truth for the cases that start in stream positions [FromEvent, ToEvent): the model version(s)
/// they come from (two while morphing, with the union of both truths) and the truth itself.
/// </summary>
public sealed record TruthSegment(long FromEvent, long ToEvent, IReadOnlyList<int> ModelVersions, IReadOnlyList<string> Models, GroundTruth Truth);
