namespace HeuristicsMiner.Serving;

/// <summary>What a miner run did, reported when it stops.</summary>
public sealed record MinerRunSummary(long Consumed, long Valid, long Invalid, long AlreadyReflected, long Emissions, long Checkpoints);
