using HeuristicsBench.EventLogs;

namespace HeuristicsMiner.Checkpoints;

/// <summary>
/// Checkpoints as files in one directory per consumer group (<c>rootDirectory/&lt;group made safe by
/// <see cref="SafeFileName"/>&gt;</c>, so two groups never share one). Each save writes a new file named by
/// <see cref="CheckpointFileName"/> holding one <see cref="CheckpointEnvelope"/> with the whole state, through a
/// temporary file that is flushed to disk and then renamed (<see cref="AtomicFile"/>), and then deletes the
/// partition's files beyond the <see cref="KeptPerPartition"/> with the highest next offsets.
/// <para>
/// A load returns, per partition, the valid file with the highest next offset: every checkpoint is a consistent
/// (state, offset) pair of the same deterministic function, so the highest is always right, and a late save from a
/// previous owner cannot roll a partition back. A damaged file is skipped with a warning and the next one is used.
/// Temporary files left by a crash are ignored, and deleted by a load once they are an hour old (younger ones may
/// belong to a save in progress in another process).
/// </para>
/// <para>The rename itself is not followed by an fsync of the directory (.NET cannot open one), so a machine crash
/// right after a save may lose that save; the previous file is still there then.</para>
/// </summary>
public sealed class DirectoryCheckpointStore : ICheckpointStore
{
    /// <summary>Files kept per partition: the newest and one to fall back on if it is damaged.</summary>
    public const int KeptPerPartition = 2;

    /// <summary>Age from which a load deletes a leftover temporary file (file times are the OS clock's).</summary>
    public static readonly TimeSpan StaleTemporaryAge = TimeSpan.FromHours(1);

    // AtomicFile names its temporary files ".<target name>.<guid>.tmp", beside the target.
    private const string TemporarySuffix = ".tmp";
    private readonly Action<string> log;

    public DirectoryCheckpointStore(string rootDirectory, string group, Action<string>? log = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(rootDirectory);
        ArgumentException.ThrowIfNullOrEmpty(group);
        GroupDirectory = Path.Combine(Path.GetFullPath(rootDirectory), SafeFileName.For(group));
        Directory.CreateDirectory(GroupDirectory);
        this.log = log ?? Console.Error.WriteLine;
    }

    /// <summary>The directory holding this group's checkpoints.</summary>
    public string GroupDirectory { get; }

    public string Description => $"directory {GroupDirectory}";

    public Task<IReadOnlyDictionary<PartitionId, PartitionCheckpoint>> LoadAsync(
        IReadOnlyCollection<PartitionId> partitions, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(partitions);
        return Task.Run(() =>
        {
            DeleteStaleTemporaryFiles();
            var result = new Dictionary<PartitionId, PartitionCheckpoint>();
            foreach (var partition in partitions.Distinct())
            {
                cancellation.ThrowIfCancellationRequested();
                if (LoadNewestValid(partition) is { } checkpoint)
                    result[partition] = checkpoint;
            }

            return (IReadOnlyDictionary<PartitionId, PartitionCheckpoint>)result;
        }, cancellation);
    }

    public Task SaveAsync(PartitionCheckpoint checkpoint, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        ArgumentNullException.ThrowIfNull(checkpoint.State);
        var envelope = CheckpointEnvelope.Split(checkpoint, Guid.NewGuid(), chunkSize: int.MaxValue).Single();
        var path = Path.Combine(GroupDirectory, CheckpointFileName.For(checkpoint.Partition, checkpoint.NextOffset));
        return Task.Run(() =>
        {
            var bytes = envelope.ToBytes();
            AtomicFile.Write(path, stream => stream.Write(bytes));
            Prune(checkpoint.Partition);
        }, cancellation);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private PartitionCheckpoint? LoadNewestValid(PartitionId partition)
    {
        foreach (var (path, nextOffset) in FilesNewestFirst(partition))
        {
            try
            {
                return Read(path, partition, nextOffset);
            }
            catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
            {
                log($"checkpoints ({Description}): skipping damaged checkpoint {Path.GetFileName(path)} of {partition}: {e.Message}");
            }
        }

        return null;
    }

    private static PartitionCheckpoint Read(string path, PartitionId partition, long nextOffset)
    {
        var envelope = CheckpointEnvelope.FromBytes(File.ReadAllBytes(path));
        if (envelope.Partition != partition || envelope.NextOffset != nextOffset)
        {
            throw new InvalidDataException(
                $"the file name says {partition}@{nextOffset} but it holds {envelope.Partition}@{envelope.NextOffset}");
        }

        if (envelope.ChunkCount != 1)
            throw new InvalidDataException($"the file holds chunk {envelope.ChunkIndex} of {envelope.ChunkCount}, not a whole state");
        return new CheckpointAssembler(envelope).Assemble();
    }

    private List<(string Path, long NextOffset)> FilesNewestFirst(PartitionId partition)
    {
        var files = new List<(string Path, long NextOffset)>();
        var pattern = CheckpointFileName.Prefix(partition) + "*" + CheckpointFileName.Extension;
        foreach (var path in Directory.EnumerateFiles(GroupDirectory, pattern))
        {
            if (CheckpointFileName.TryParseNextOffset(Path.GetFileName(path), partition, out var nextOffset))
                files.Add((path, nextOffset));
        }

        files.Sort((a, b) => b.NextOffset.CompareTo(a.NextOffset));
        return files;
    }

    private void Prune(PartitionId partition)
    {
        // File.Delete does not mind a file that a concurrent save of the same partition already deleted.
        foreach (var (path, _) in FilesNewestFirst(partition).Skip(KeptPerPartition))
            File.Delete(path);
    }

    private void DeleteStaleTemporaryFiles()
    {
        var cutoff = DateTime.UtcNow - StaleTemporaryAge;
        foreach (var path in Directory.EnumerateFiles(GroupDirectory, "." + "*" + TemporarySuffix))
        {
            try
            {
                if (File.GetLastWriteTimeUtc(path) < cutoff)
                {
                    File.Delete(path);
                    log($"checkpoints ({Description}): deleted leftover temporary file {Path.GetFileName(path)}");
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                log($"checkpoints ({Description}): could not delete leftover temporary file {Path.GetFileName(path)}: {e.Message}");
            }
        }
    }
}
