using HeuristicsMiner.Algorithm.Summaries;
using HeuristicsMiner.Checkpoints;
using HeuristicsMiner.Tests.Algorithm;

namespace HeuristicsMiner.Tests.Checkpoints;

/// <summary>States to checkpoint: real Lossy Counting snapshots, and plain bytes where only the size matters.</summary>
internal static class CheckpointStates
{
    /// <summary>The snapshot of an LC summary (ε = 0.01) fed <paramref name="events"/> events; different seeds give different states.</summary>
    public static byte[] LossyCounting(int events, int seed)
    {
        var random = new Random(seed);
        var stream = Enumerable.Range(0, events)
            .Select(_ => ($"case-{random.Next(events / 8 + 1)}", $"activity-{random.Next(15)}"));
        return SummarySnapshot.ToBytes(Feed.All(new LossyCountingSummary(0.01), stream));
    }

    public static byte[] Bytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    public static PartitionCheckpoint At(PartitionId partition, long nextOffset, byte[] state) => new(partition, nextOffset, state);
}
