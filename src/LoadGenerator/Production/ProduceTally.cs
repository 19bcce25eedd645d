namespace LoadGenerator.Production;

/// <summary>
/// What was handed to the producer and what was acknowledged, so that the summary, the metrics and the progress lines
/// agree. Events are handed and acknowledged on the stream (acknowledgements in input order), so the acknowledged
/// events are always the first <see cref="Acked"/> handed. The counters can be read from any thread.
/// </summary>
public sealed class ProduceTally
{
    private readonly Lock _gate = new();
    private readonly SortedDictionary<int, PartitionTally> _partitions = [];
    private long _handed;
    private long _acked;
    private long _peakInFlight;
    private long _firstEventId = -1;
    private long _lastEventId = -1;
    private long _lastAckAt;
    private bool _frozen;

    /// <param name="startedAt">Stopwatch timestamp that counts as the last acknowledgement until the first one.</param>
    public ProduceTally(long startedAt) => _lastAckAt = startedAt;

    public long Handed => Interlocked.Read(ref _handed);

    public long Acked => Interlocked.Read(ref _acked);

    /// <summary>Handed and not yet acknowledged.</summary>
    public long InFlight => Math.Max(0, Handed - Acked);

    /// <summary>The largest <see cref="InFlight"/> seen when an event was handed over.</summary>
    public long PeakInFlight => Interlocked.Read(ref _peakInFlight);

    /// <summary>Stopwatch timestamp of the latest acknowledgement.</summary>
    public long LastAckAt => Interlocked.Read(ref _lastAckAt);

    /// <summary>Called on the stream just before an event goes to the producer.</summary>
    public void OnHanded()
    {
        var inFlight = Interlocked.Increment(ref _handed) - Interlocked.Read(ref _acked);
        if (inFlight > Interlocked.Read(ref _peakInFlight))
            Interlocked.Exchange(ref _peakInFlight, inFlight);
    }

    /// <param name="offset">Negative when the acknowledgement carried none (a duplicate the broker answered without one).</param>
    /// <param name="now">Stopwatch timestamp.</param>
    public void OnAcknowledged(long eventId, int partition, long offset, long now)
    {
        lock (_gate)
        {
            if (_frozen)
                return;
            if (!_partitions.TryGetValue(partition, out var tally))
                _partitions[partition] = tally = new PartitionTally();
            tally.Acked++;
            if (offset > tally.LastOffset)
                tally.LastOffset = offset;
            if (_firstEventId < 0)
                _firstEventId = eventId;
            _lastEventId = eventId;
            Interlocked.Increment(ref _acked);
        }
        Interlocked.Exchange(ref _lastAckAt, now);
    }

    /// <summary>
    /// The figures now; acknowledgements arriving later are not counted any more, so the summary printed from this
    /// snapshot stays exactly what it says was acknowledged.
    /// </summary>
    public ProduceSnapshot Freeze()
    {
        lock (_gate)
        {
            _frozen = true;
            return new ProduceSnapshot(
                Handed, Acked, _firstEventId < 0 ? null : _firstEventId, _lastEventId < 0 ? null : _lastEventId, PeakInFlight,
                _partitions.ToDictionary(p => p.Key, p => (p.Value.Acked, p.Value.LastOffset)));
        }
    }
}
