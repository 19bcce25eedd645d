using EmbeddedKafka.Server;
using EmbeddedKafka.Storage;
using HeuristicsMiner.Checkpoints;

namespace HeuristicsMiner.Tests.Checkpoints;

/// <summary>The Kafka store against the in-process broker, one broker per test.</summary>
public sealed class KafkaCheckpointStoreTests : CheckpointStoreContract, IAsyncLifetime
{
    private readonly KafkaBroker broker = new(new BrokerOptions { Listeners = [new ListenerOptions { Port = 0 }] });
    private int chunkSize = KafkaCheckpointStoreOptions.DefaultChunkSize;

    public ValueTask InitializeAsync()
    {
        broker.Start();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => broker.DisposeAsync();

    private string Bootstrap => broker.BootstrapServers;

    protected override ICheckpointStore Open(string group) =>
        new KafkaCheckpointStore(Bootstrap, group, new KafkaCheckpointStoreOptions { ChunkSize = chunkSize, Log = Warnings.Enqueue });

    private static (byte[]? Key, byte[]? Value) Record(CheckpointEnvelope chunk) => (CheckpointRecordKey.For(chunk), chunk.ToBytes());

    [Fact]
    public async Task The_extra_client_settings_reach_the_producer_admin_and_loader()
    {
        // bootstrap.servers given only as an extra setting sends every client of the store to a second broker: a
        // client that did not get it would look for the topic on the first one and save or load nothing
        await using var other = new KafkaBroker(new BrokerOptions { Listeners = [new ListenerOptions { Port = 0 }] });
        other.Start();
        var redirect = new Dictionary<string, string> { ["bootstrap.servers"] = other.BootstrapServers };
        KafkaCheckpointStore OpenRedirected() => new(Bootstrap, "miner", new KafkaCheckpointStoreOptions
        {
            Log = Warnings.Enqueue, OperationTimeout = TimeSpan.FromSeconds(10), ProducerConfig = redirect, ConsumerConfig = redirect,
        });
        var partition = new PartitionId("events", 0);
        var state = CheckpointStates.Bytes(1000, seed: 4);

        await using (var store = OpenRedirected())
            await store.SaveAsync(CheckpointStates.At(partition, 42, state), TestContext.Current.CancellationToken);
        IReadOnlyDictionary<PartitionId, PartitionCheckpoint> loaded;
        await using (var store = OpenRedirected())
            loaded = await store.LoadAsync([partition], TestContext.Current.CancellationToken);

        Assert.Equal(42, loaded[partition].NextOffset);
        Assert.Equal(state, loaded[partition].State);
        Assert.True(other.Topics.TryGet("miner.checkpoints", out _));
        Assert.False(broker.Topics.TryGet("miner.checkpoints", out _));
    }

    [Fact]
    public void Producer_settings_librdkafka_refuses_are_an_error_naming_them()
    {
        var options = new KafkaCheckpointStoreOptions { ProducerConfig = new Dictionary<string, string> { ["no.such.property"] = "1" } };

        var error = Assert.Throws<CheckpointClientSettingsException>(() => new KafkaCheckpointStore(Bootstrap, "miner", options));

        Assert.Contains("no.such.property", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_multi_chunk_state_round_trips()
    {
        var partition = new PartitionId("events", 0);
        var state = CheckpointStates.Bytes(3 * 1024 * 1024 + 1000, seed: 5);
        await SaveAllAsync("miner", CheckpointStates.At(partition, 77, state));

        var loaded = await LoadFreshAsync("miner", partition);

        Assert.Equal(state, loaded[partition].State);
        Assert.Equal(77, loaded[partition].NextOffset);
        var chunks = TopicRecords.ReadAll(Bootstrap, "miner.checkpoints").Select(r => CheckpointEnvelope.FromBytes(r.Value)).ToList();
        Assert.Equal(13, chunks.Count); // 12 full chunks of 256 KiB and one of 1000 bytes
        Assert.Equal(Enumerable.Range(0, 13), chunks.Select(c => c.ChunkIndex));
        Assert.Single(chunks.Select(c => c.CheckpointId).Distinct());
    }

    [Fact]
    public async Task A_torn_save_is_ignored_and_the_previous_complete_one_returned()
    {
        chunkSize = 64 * 1024;
        var partition = new PartitionId("events", 0);
        var complete = CheckpointStates.Bytes(200_000, seed: 1);
        await SaveAllAsync("miner", CheckpointStates.At(partition, 100, complete));
        // A crash after two of four chunks of a newer save were written.
        var torn = CheckpointEnvelope.Split(CheckpointStates.At(partition, 300, CheckpointStates.Bytes(200_000, seed: 2)), Guid.NewGuid(), chunkSize);
        Assert.Equal(4, torn.Count);
        await TopicRecords.ProduceAsync(Bootstrap, "miner.checkpoints", [Record(torn[0]), Record(torn[2])]);

        var loaded = await LoadFreshAsync("miner", partition);

        Assert.Equal(100, loaded[partition].NextOffset);
        Assert.Equal(complete, loaded[partition].State);
        Assert.Contains(Warnings, w => w.Contains($"incomplete checkpoint {torn[0].CheckpointId}", StringComparison.Ordinal)
                                       && w.Contains("2 of 4 chunks", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Damaged_and_foreign_records_are_skipped_with_a_warning()
    {
        var partition = new PartitionId("events", 0);
        var good = CheckpointStates.LossyCounting(500, seed: 1);
        await SaveAllAsync("miner", CheckpointStates.At(partition, 100, good));
        var newer = CheckpointEnvelope.Split(CheckpointStates.At(partition, 200, CheckpointStates.Bytes(50, 2)), Guid.NewGuid(), 1000).Single();
        var flipped = newer.ToBytes();
        flipped[^20] ^= 8;
        var misplaced = CheckpointEnvelope.Split(CheckpointStates.At(partition, 300, CheckpointStates.Bytes(50, 3)), Guid.NewGuid(), 1000).Single();
        await TopicRecords.ProduceAsync(Bootstrap, "miner.checkpoints",
        [
            ("events:0"u8.ToArray(), "not a checkpoint"u8.ToArray()),
            (CheckpointRecordKey.For(newer), flipped),
            (CheckpointRecordKey.For(new PartitionId("events", 1), misplaced.CheckpointId, 0), misplaced.ToBytes()),
            ("junk"u8.ToArray(), null),
        ]);

        var loaded = await LoadFreshAsync("miner", partition);

        Assert.Equal(100, loaded[partition].NextOffset);
        Assert.Equal(good, loaded[partition].State);
        var skipped = Warnings.Where(w => w.Contains("damaged record", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, skipped.Count);
        Assert.Contains(skipped, w => w.Contains("magic", StringComparison.Ordinal));
        Assert.Contains(skipped, w => w.Contains("checksum", StringComparison.Ordinal));
        Assert.Contains(skipped, w => w.Contains("key does not match", StringComparison.Ordinal));
    }

    [Fact]
    public async Task After_compaction_only_the_newest_complete_save_of_each_partition_is_left()
    {
        chunkSize = 64 * 1024;
        var p = new PartitionId("events", 0);
        var q = new PartitionId("events", 1);
        await SaveAllAsync("miner",
            CheckpointStates.At(p, 100, CheckpointStates.Bytes(150_000, 1)),
            CheckpointStates.At(q, 50, CheckpointStates.Bytes(150_000, 2)),
            CheckpointStates.At(p, 200, CheckpointStates.Bytes(150_000, 3)));
        var torn = CheckpointEnvelope.Split(CheckpointStates.At(p, 300, CheckpointStates.Bytes(150_000, 4)), Guid.NewGuid(), chunkSize);
        await TopicRecords.ProduceAsync(Bootstrap, "miner.checkpoints", [Record(torn[0])]);
        // A restarted owner restores offset 200 (the torn 300 is ignored) and saves its next checkpoint.
        var newest = CheckpointStates.Bytes(150_000, 5);
        await using (var restarted = Open("miner"))
        {
            Assert.Equal(200, (await restarted.LoadAsync([p], TestContext.Current.CancellationToken))[p].NextOffset);
            await restarted.SaveAsync(CheckpointStates.At(p, 400, newest), TestContext.Current.CancellationToken);
        }

        // What Kafka's compaction keeps: the last record of each key, and no key whose last record is a tombstone.
        var compacted = TopicRecords.ReadAll(Bootstrap, "miner.checkpoints")
            .GroupBy(r => Convert.ToHexString(r.Key!))
            .Select(g => g.Last())
            .Where(r => r.Value is not null)
            .ToList();

        var left = compacted.Select(r => CheckpointEnvelope.FromBytes(r.Value)).GroupBy(c => (c.Partition, c.NextOffset)).Select(g => g.Key).ToList();
        Assert.Equal([(p, 400L), (q, 50L)], left.OrderBy(k => k.Partition.Partition));
        broker.Topics.Create("compacted.checkpoints", new TopicConfig { Partitions = 1 });
        await TopicRecords.ProduceAsync(Bootstrap, "compacted.checkpoints", compacted);
        var loaded = await LoadFreshAsync("compacted", p, q);
        Assert.Equal(newest, loaded[p].State);
        Assert.Equal(CheckpointStates.Bytes(150_000, 2), loaded[q].State);
    }

    [Fact]
    public async Task The_topic_is_created_once_with_one_partition_and_the_refused_compaction_is_logged()
    {
        var partition = new PartitionId("events", 0);
        await SaveAllAsync("miner", CheckpointStates.At(partition, 1, [1]));
        await SaveAllAsync("miner", CheckpointStates.At(partition, 2, [2]));

        var topic = broker.Topics.Get("miner.checkpoints");
        Assert.NotNull(topic);
        Assert.Single(topic.Partitions);
        // The embedded broker has no compaction and says so; real Kafka would take cleanup.policy=compact.
        Assert.Single(Warnings, w => w.Contains("refused", StringComparison.Ordinal) && w.Contains("cleanup.policy=compact", StringComparison.Ordinal));
        Assert.Single(Warnings, w => w.Contains("created topic miner.checkpoints (1 partition, not compacted)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_missing_topic_loads_nothing_and_is_not_created_and_an_empty_one_loads_nothing()
    {
        Assert.Empty(await LoadFreshAsync("missing", new PartitionId("events", 0)));
        Assert.Null(broker.Topics.Get("missing.checkpoints"));

        broker.Topics.Create("empty.checkpoints", new TopicConfig { Partitions = 1 });
        Assert.Empty(await LoadFreshAsync("empty", new PartitionId("events", 0)));
    }

    [Fact]
    public void Bad_settings_and_groups_that_cannot_name_a_topic_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new KafkaCheckpointStore(Bootstrap, "g", new KafkaCheckpointStoreOptions { ChunkSize = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            new KafkaCheckpointStore(Bootstrap, "g", new KafkaCheckpointStoreOptions { ChunkSize = KafkaCheckpointStoreOptions.MaxChunkSize + 1 }));
        Assert.Contains("not a legal Kafka topic name", Assert.Throws<ArgumentException>(() => new KafkaCheckpointStore(Bootstrap, "my group")).Message);
        Assert.Equal("miner.checkpoints", CheckpointTopic.NameFor("miner"));
    }
}
