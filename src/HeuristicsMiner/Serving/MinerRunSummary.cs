namespace HeuristicsMiner.Serving;

/// <summary>What a miner run did, reported when it stops. <paramref name="FinalCheckpointsStored"/> is false when a
/// stop could not store every partition's final checkpoint (store failure or the stop timeout).</summary>
public sealed record MinerRunSummary(long Consumed, long Valid, long Invalid, long AlreadyReflected, long Emissions, long Checkpoints, bool FinalCheckpointsStored = true);
