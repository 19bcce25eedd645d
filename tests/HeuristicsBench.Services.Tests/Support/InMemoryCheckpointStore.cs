using System.Collections.Concurrent;
using HeuristicsMiner.Checkpoints;

namespace HeuristicsBench.Services.Tests.Support;

/// <summary>Checkpoints in memory (highest offset wins, like the real stores); can be told to fail saves.</summary>
public sealed class InMemoryCheckpointStore : ICheckpointStore
{
    private readonly ConcurrentDictionary<PartitionId, PartitionCheckpoint> _latest = new();
    private int _saves;

    public string Description => "memory";

    public int Saves => Volatile.Read(ref _saves);

    public bool FailSaves { get; set; }

    public bool FailLoads { get; set; }

    /// <summary>Makes every load take this long (a slow store, as a Kafka topic read is).</summary>
    public TimeSpan LoadDelay { get; set; }

    public int LoadAttempts => Volatile.Read(ref _loads);

    private int _loads;

    public IReadOnlyDictionary<PartitionId, PartitionCheckpoint> Latest => _latest;

    public async Task<IReadOnlyDictionary<PartitionId, PartitionCheckpoint>> LoadAsync(IReadOnlyCollection<PartitionId> partitions, CancellationToken cancellation = default)
    {
        Interlocked.Increment(ref _loads);
        await Task.Yield();
        if (LoadDelay > TimeSpan.Zero)
            await Task.Delay(LoadDelay, cancellation);
        if (FailLoads)
            throw new IOException("store cannot load (test)");
        IReadOnlyDictionary<PartitionId, PartitionCheckpoint> found = partitions
            .Where(_latest.ContainsKey).ToDictionary(p => p, p => _latest[p]);
        return found;
    }

    public async Task SaveAsync(PartitionCheckpoint checkpoint, CancellationToken cancellation = default)
    {
        await Task.Yield();
        if (FailSaves)
            throw new IOException("store is failing (test)");
        _latest.AddOrUpdate(checkpoint.Partition, checkpoint, (_, old) => checkpoint.NextOffset >= old.NextOffset ? checkpoint : old);
        Interlocked.Increment(ref _saves);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
