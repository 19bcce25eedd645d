namespace HeuristicsMiner.Serving;

/// <summary>The outcome of <see cref="PartitionedMiner.Process"/>, with the reason of an invalid record and the
/// producer's emit time of a valid one (for end-to-end latency).</summary>
public readonly record struct ProcessResult(RecordOutcome Outcome, InvalidKind Kind = default, string? Reason = null, DateTimeOffset? EmittedAt = null)
{
    public static readonly ProcessResult AlreadyReflected = new(RecordOutcome.AlreadyReflected);
}
