using System.Globalization;
using System.Text;

namespace HeuristicsMiner.Checkpoints;

/// <summary>
/// Record keys of the checkpoint topic: <c>&lt;topic&gt;:&lt;partition&gt;:&lt;checkpoint id&gt;:&lt;chunk index&gt;</c> (id as 32 hex
/// digits), unique per chunk of each save. Not one key per partition: compaction keeps only the last record of a
/// key, which would leave just the last chunk of a multi-chunk state (and a torn save would replace a complete
/// one). With a key per chunk, compaction removes a save only after a tombstone for each of its chunks, which the
/// store writes once a newer save is acknowledged.
/// </summary>
public static class CheckpointRecordKey
{
    public static byte[] For(PartitionId partition, Guid checkpointId, int chunkIndex) =>
        Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
            $"{partition.Topic}:{partition.Partition}:{checkpointId:N}:{chunkIndex}"));

    public static byte[] For(CheckpointEnvelope envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        return For(envelope.Partition, envelope.CheckpointId, envelope.ChunkIndex);
    }

    /// <summary>The checkpoint id in a key of this format (read from the right, so a ':' in a topic name does no harm).</summary>
    public static bool TryParseCheckpointId(ReadOnlySpan<byte> key, out Guid checkpointId)
    {
        checkpointId = Guid.Empty;
        var text = Encoding.UTF8.GetString(key);
        var lastColon = text.LastIndexOf(':');
        if (lastColon <= 0)
            return false;
        var idColon = text.LastIndexOf(':', lastColon - 1);
        return idColon >= 0 && Guid.TryParseExact(text.AsSpan(idColon + 1, lastColon - idColon - 1), "N", out checkpointId);
    }
}
