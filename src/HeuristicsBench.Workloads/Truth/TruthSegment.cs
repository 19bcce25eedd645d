using HeuristicsBench.Workloads.Models;

namespace HeuristicsBench.Workloads.Truth;

/// <summary>
/// The ground truth for the cases that start in stream positions [FromEvent, ToEvent): the model version(s)
/// they come from (two while morphing, with the union of both truths) and the truth itself. Segments are by
/// case arrival: a case that started before FromEvent may still emit events of the previous model after it.
/// </summary>
public sealed record TruthSegment(long FromEvent, long ToEvent, IReadOnlyList<int> ModelVersions, IReadOnlyList<string> Models, GroundTruth Truth);
