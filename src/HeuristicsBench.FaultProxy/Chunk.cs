namespace HeuristicsBench.FaultProxy;

/// <summary>Bytes read in one receive and when they arrived (latency counts from arrival, so queued chunks do not add up delays).</summary>
internal readonly record struct Chunk(byte[] Data, long ArrivedAt);
