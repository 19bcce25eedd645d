using HeuristicsBench.KafkaStreams;
using HeuristicsMiner.Checkpoints;

namespace HeuristicsMiner.Serving;

/// <summary>Where the miner stage sends models and dead letters. Calls return at once; delivery is reported
/// through metrics and the log. Called from the stage's thread only.</summary>
public interface IMinerOutput
{
    /// <summary>Publishes one model message; <paramref name="offsets"/> are the next offsets it reflects (also sent as a header).</summary>
    void PublishModel(byte[] value, IReadOnlyDictionary<PartitionId, long> offsets);

    /// <summary>Sends an unusable input record, unchanged, with the reason.</summary>
    void DeadLetter(KafkaRecord record, string reason);
}
