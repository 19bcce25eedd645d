using HeuristicsMiner.Algorithm.Summaries;
using HeuristicsMiner.Checkpoints;

namespace HeuristicsMiner.Serving;

/// <summary>
/// The miner state of one assigned partition: its own summary, fed only with that partition's records in offset
/// order, and the next offset it expects (every record below it is reflected in the summary).
/// </summary>
public sealed class PartitionState
{
    public PartitionState(PartitionId partition, StreamSummary summary, long nextOffset)
    {
        Partition = partition;
        Summary = summary;
        NextOffset = nextOffset;
        CheckpointedOffset = nextOffset;
        SavedOffset = nextOffset;
    }

    public PartitionId Partition { get; }

    public StreamSummary Summary { get; }

    /// <summary>The offset of the next record to process; the state reflects exactly the records before it.</summary>
    public long NextOffset { get; internal set; }

    /// <summary>NextOffset of the newest checkpoint taken (saved or being saved).</summary>
    public long CheckpointedOffset { get; internal set; }

    /// <summary>NextOffset of the newest checkpoint known to be durable (the restored one at first).</summary>
    public long SavedOffset { get; internal set; }

    /// <summary>The highest offset committed for this assignment (commits never go backwards).</summary>
    public long CommittedOffset { get; internal set; } = -1;

    /// <summary>Monotonic timestamp (TimeProvider.GetTimestamp) of the newest checkpoint taken, or of the assignment.</summary>
    public long CheckpointTakenAt { get; internal set; }

    /// <summary>Records processed (valid or not) since the newest checkpoint was taken.</summary>
    public long SinceCheckpoint => NextOffset - CheckpointedOffset;
}
