using System.Collections.Concurrent;
using HeuristicsMiner.Algorithm.Summaries;
using HeuristicsMiner.Checkpoints;

namespace HeuristicsMiner.Tests.Checkpoints;

/// <summary>
/// What every <see cref="ICheckpointStore"/> must do; each store's test class derives from this. Loads go through a
/// new store instance where that matters, as after a restart or rebalance.
/// </summary>
public abstract class CheckpointStoreContract
{
    protected ConcurrentQueue<string> Warnings { get; } = new();

    /// <summary>A new store instance over the same backing storage (directory root / broker) for <paramref name="group"/>.</summary>
    protected abstract ICheckpointStore Open(string group);

    protected async Task<IReadOnlyDictionary<PartitionId, PartitionCheckpoint>> LoadFreshAsync(string group, params PartitionId[] partitions)
    {
        await using var store = Open(group);
        return await store.LoadAsync(partitions, TestContext.Current.CancellationToken);
    }

    protected async Task SaveAllAsync(string group, params PartitionCheckpoint[] checkpoints)
    {
        await using var store = Open(group);
        foreach (var checkpoint in checkpoints)
            await store.SaveAsync(checkpoint, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task A_lossy_counting_snapshot_round_trips_to_an_identical_summary()
    {
        var partition = new PartitionId("events", 3);
        var state = CheckpointStates.LossyCounting(5000, seed: 1);
        await SaveAllAsync("miner", CheckpointStates.At(partition, 5000, state));

        var loaded = await LoadFreshAsync("miner", partition);

        var checkpoint = loaded[partition];
        Assert.Equal(partition, checkpoint.Partition);
        Assert.Equal(5000, checkpoint.NextOffset);
        Assert.Equal(state, checkpoint.State);
        Assert.Equal(state, SummarySnapshot.ToBytes(SummarySnapshot.FromBytes(checkpoint.State)));
    }

    [Fact]
    public async Task The_highest_next_offset_wins_whatever_order_the_saves_came_in()
    {
        var partition = new PartitionId("events", 0);
        var states = Enumerable.Range(0, 4).Select(i => CheckpointStates.LossyCounting(200 + i, seed: i)).ToArray();
        // A late save from a previous owner (offset 200 after 400) must not roll the partition back.
        await SaveAllAsync("miner",
            CheckpointStates.At(partition, 300, states[2]),
            CheckpointStates.At(partition, 100, states[0]),
            CheckpointStates.At(partition, 400, states[3]));
        await SaveAllAsync("miner", CheckpointStates.At(partition, 200, states[1]));

        var loaded = await LoadFreshAsync("miner", partition);

        Assert.Equal(400, loaded[partition].NextOffset);
        Assert.Equal(states[3], loaded[partition].State);
    }

    [Fact]
    public async Task Groups_do_not_see_each_others_checkpoints()
    {
        var partition = new PartitionId("events", 0);
        string[] groups = ["miner", "Miner", "miner-2"];
        for (int i = 0; i < groups.Length; i++)
            await SaveAllAsync(groups[i], CheckpointStates.At(partition, 10 + i, CheckpointStates.LossyCounting(100, seed: i)));

        for (int i = 0; i < groups.Length; i++)
        {
            var loaded = await LoadFreshAsync(groups[i], partition);
            Assert.Equal(10 + i, loaded[partition].NextOffset);
            Assert.Equal(CheckpointStates.LossyCounting(100, seed: i), loaded[partition].State);
        }

        Assert.Empty(await LoadFreshAsync("other", partition));
    }

    [Fact]
    public async Task Partitions_are_kept_apart_and_one_without_a_checkpoint_is_absent()
    {
        // "a" partition 1 and "a-1" partition 2 would collide in a naive "<topic>-<partition>" naming.
        PartitionId[] saved = [new("a", 1), new("a-1", 2), new("a", 12), new("b", 1)];
        await SaveAllAsync("miner", [.. saved.Select((p, i) => CheckpointStates.At(p, 1000 + i, CheckpointStates.Bytes(64, i)))]);

        var loaded = await LoadFreshAsync("miner", [.. saved, new("a", 2), new("c", 0)]);

        Assert.Equal(saved.ToHashSet(), loaded.Keys.ToHashSet());
        for (int i = 0; i < saved.Length; i++)
        {
            Assert.Equal(1000 + i, loaded[saved[i]].NextOffset);
            Assert.Equal(CheckpointStates.Bytes(64, i), loaded[saved[i]].State);
        }

        Assert.Equal([saved[3]], (await LoadFreshAsync("miner", saved[3])).Keys);
    }

    [Fact]
    public async Task An_empty_state_round_trips()
    {
        var partition = new PartitionId("events", 0);
        await SaveAllAsync("miner", CheckpointStates.At(partition, 0, []));

        var loaded = await LoadFreshAsync("miner", partition);

        Assert.Equal(0, loaded[partition].NextOffset);
        Assert.Empty(loaded[partition].State);
    }

    [Fact]
    public async Task Concurrent_saves_of_different_partitions_are_all_stored()
    {
        var partitions = Enumerable.Range(0, 8).Select(i => new PartitionId("events", i)).ToArray();
        await using (var store = Open("miner"))
        {
            await Task.WhenAll(partitions.Select(p => Task.Run(async () =>
            {
                for (int offset = 1; offset <= 3; offset++)
                    await store.SaveAsync(CheckpointStates.At(p, offset * 100, CheckpointStates.Bytes(5000, p.Partition * 10 + offset)));
            })));
        }

        var loaded = await LoadFreshAsync("miner", partitions);

        Assert.All(partitions, p =>
        {
            Assert.Equal(300, loaded[p].NextOffset);
            Assert.Equal(CheckpointStates.Bytes(5000, p.Partition * 10 + 3), loaded[p].State);
        });
    }

    [Fact]
    public async Task A_group_that_never_saved_loads_nothing()
    {
        Assert.Empty(await LoadFreshAsync("fresh", new PartitionId("events", 0), new PartitionId("events", 1)));
        Assert.Empty(await LoadFreshAsync("fresh"));
    }
}
