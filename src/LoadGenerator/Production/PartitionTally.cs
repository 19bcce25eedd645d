namespace LoadGenerator.Production;

/// <summary>Events acknowledged in one partition and the highest offset among them.</summary>
public sealed class PartitionTally
{
    public long Acked { get; internal set; }

    /// <summary>-1 until an acknowledgement carried an offset.</summary>
    public long LastOffset { get; internal set; } = -1;
}
