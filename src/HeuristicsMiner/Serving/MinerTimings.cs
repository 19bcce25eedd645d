namespace HeuristicsMiner.Serving;

/// <summary>When the service checkpoints and publishes. Whichever of the count and the interval comes first.</summary>
/// <param name="CheckpointEveryEvents">Checkpoint a partition after this many of its records.</param>
/// <param name="CheckpointInterval">Checkpoint a partition with new records at least this often.</param>
/// <param name="PublishEveryEvents">Publish the merged model after this many records over all partitions.</param>
/// <param name="PublishInterval">Publish a changed model at least this often.</param>
/// <param name="Tick">How often the interval rules are looked at (and lag gauges refreshed).</param>
public sealed record MinerTimings(
    long CheckpointEveryEvents,
    TimeSpan CheckpointInterval,
    long PublishEveryEvents,
    TimeSpan PublishInterval,
    TimeSpan Tick)
{
    /// <summary>How long a stop waits for the final checkpoints before giving up (exit 1): below Kubernetes' 30 s grace period.</summary>
    public TimeSpan StopTimeout { get; init; } = TimeSpan.FromSeconds(20);

    public static readonly MinerTimings Default = new(100_000, TimeSpan.FromSeconds(5), 10_000, TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(100));

    public void Validate()
    {
        if (CheckpointEveryEvents < 1)
            throw new ArgumentOutOfRangeException(nameof(CheckpointEveryEvents), CheckpointEveryEvents, "must be at least 1");
        if (PublishEveryEvents < 1)
            throw new ArgumentOutOfRangeException(nameof(PublishEveryEvents), PublishEveryEvents, "must be at least 1");
        if (CheckpointInterval <= TimeSpan.Zero || PublishInterval <= TimeSpan.Zero || Tick <= TimeSpan.Zero || StopTimeout <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(Tick), "intervals must be positive");
    }
}
