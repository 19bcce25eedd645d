using HeuristicsMiner.Checkpoints;

namespace HeuristicsMiner.Tests.Checkpoints;

public sealed class DirectoryCheckpointStoreTests : CheckpointStoreContract, IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "ckpt-tests-" + Guid.NewGuid().ToString("N"));

    protected override ICheckpointStore Open(string group) => new DirectoryCheckpointStore(root, group, Warnings.Enqueue);

    public void Dispose()
    {
        if (Directory.Exists(root))
            Directory.Delete(root, recursive: true);
    }

    private string GroupDirectory(string group) => new DirectoryCheckpointStore(root, group).GroupDirectory;

    private string FileOf(string group, PartitionId partition, long nextOffset) =>
        Path.Combine(GroupDirectory(group), CheckpointFileName.For(partition, nextOffset));

    [Theory]
    [InlineData("flipped byte", "checksum")]
    [InlineData("cut in half", "checksum")]
    [InlineData("empty", "magic")]
    [InlineData("another partition's content", "file name says")]
    public async Task A_damaged_newest_file_is_skipped_with_a_warning_and_the_older_one_used(string damage, string reason)
    {
        var partition = new PartitionId("events", 0);
        var older = CheckpointStates.LossyCounting(300, seed: 1);
        await SaveAllAsync("miner",
            CheckpointStates.At(partition, 100, older),
            CheckpointStates.At(partition, 200, CheckpointStates.LossyCounting(600, seed: 2)),
            CheckpointStates.At(new PartitionId("events", 1), 200, CheckpointStates.LossyCounting(600, seed: 3)));

        var newest = FileOf("miner", partition, 200);
        var bytes = File.ReadAllBytes(newest);
        var other = File.ReadAllBytes(FileOf("miner", new PartitionId("events", 1), 200));
        File.WriteAllBytes(newest, damage switch
        {
            "flipped byte" => [.. bytes[..100], (byte)(bytes[100] ^ 4), .. bytes[101..]],
            "cut in half" => bytes[..(bytes.Length / 2)],
            "empty" => [],
            _ => other,
        });

        var loaded = await LoadFreshAsync("miner", partition);

        Assert.Equal(100, loaded[partition].NextOffset);
        Assert.Equal(older, loaded[partition].State);
        var warning = Assert.Single(Warnings);
        Assert.Contains(Path.GetFileName(newest), warning);
        Assert.Contains(reason, warning);
    }

    [Fact]
    public async Task Saves_leave_no_temporary_files_and_keep_the_two_highest_offsets_per_partition()
    {
        var p = new PartitionId("events", 0);
        var q = new PartitionId("events", 1);
        await SaveAllAsync("miner", [.. new long[] { 300, 100, 500, 200, 400 }.Select(o => CheckpointStates.At(p, o, CheckpointStates.Bytes(100, (int)o)))]);
        await SaveAllAsync("miner", CheckpointStates.At(q, 7, [1]), CheckpointStates.At(q, 8, [2]));

        var names = Directory.GetFiles(GroupDirectory("miner")).Select(Path.GetFileName).Order().ToArray();

        string[] expected = [CheckpointFileName.For(p, 400), CheckpointFileName.For(p, 500), CheckpointFileName.For(q, 7), CheckpointFileName.For(q, 8)];
        Assert.Equal(expected.Order(), names);
        Assert.Equal(500, (await LoadFreshAsync("miner", p))[p].NextOffset);
        Assert.Empty(Warnings);
    }

    [Fact]
    public async Task Leftover_temporary_files_are_ignored_and_deleted_once_stale()
    {
        var partition = new PartitionId("events", 0);
        await SaveAllAsync("miner", CheckpointStates.At(partition, 100, [1, 2, 3]));
        var directory = GroupDirectory("miner");
        // What a crash mid-save leaves: a temporary file beside the target, named as AtomicFile names them.
        var stale = Path.Combine(directory, $".{CheckpointFileName.For(partition, 900)}.{Guid.NewGuid():N}.tmp");
        var fresh = Path.Combine(directory, $".{CheckpointFileName.For(partition, 901)}.{Guid.NewGuid():N}.tmp");
        File.WriteAllBytes(stale, [9, 9]);
        File.WriteAllBytes(fresh, [9, 9]);
        File.SetLastWriteTimeUtc(stale, DateTime.UtcNow - DirectoryCheckpointStore.StaleTemporaryAge - TimeSpan.FromMinutes(5));

        var loaded = await LoadFreshAsync("miner", partition);

        Assert.Equal(100, loaded[partition].NextOffset);
        Assert.False(File.Exists(stale));
        Assert.True(File.Exists(fresh));
        Assert.Contains(Warnings, w => w.Contains(Path.GetFileName(stale), StringComparison.Ordinal));
    }

    [Fact]
    public void Group_directories_are_one_level_below_the_root_even_for_hostile_names()
    {
        string[] groups = ["..", ".", "a/b", "../escape", "", "x"];
        foreach (var group in groups.Where(g => g.Length > 0))
            Assert.Equal(Path.GetFullPath(root), Path.GetDirectoryName(GroupDirectory(group)));
        Assert.Throws<ArgumentException>(() => new DirectoryCheckpointStore(root, ""));
        Assert.Equal(5, groups.Where(g => g.Length > 0).Select(GroupDirectory).Distinct().Count());
    }
}
