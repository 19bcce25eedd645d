namespace LoadGenerator.Production;

/// <summary>A frozen <see cref="ProduceTally"/>: what the summary reports.</summary>
/// <param name="Partitions">Per partition: events acknowledged and the highest acknowledged offset (-1: none known).</param>
public sealed record ProduceSnapshot(
    long Handed,
    long Acked,
    long? FirstEventId,
    long? LastEventId,
    long PeakInFlight,
    IReadOnlyDictionary<int, (long Acked, long LastOffset)> Partitions)
{
    /// <summary>Handed to the producer without an acknowledgement: they may or may not be in the topic.</summary>
    public long Unconfirmed => Handed - Acked;
}
