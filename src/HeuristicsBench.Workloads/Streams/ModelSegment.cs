using HeuristicsBench.Workloads.Models;

namespace HeuristicsBench.Workloads.Streams;

/// <summary>
/// From stream position <see cref="StartEvent"/> on, new cases use <see cref="Model"/> (version = its index in
/// the schedule). With <see cref="MorphOver"/> &gt; 0 the change is gradual: over that many events a new case
/// uses the new model with probability rising linearly from 0 to 1, else the previous one.
/// </summary>
public sealed record ModelSegment(long StartEvent, IProcessModel Model, long MorphOver = 0);
