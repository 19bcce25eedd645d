using System.Buffers.Binary;
using EmbeddedKafka.Protocol;
using Microsoft.Extensions.Logging;
using Microsoft.Win32.SafeHandles;

namespace EmbeddedKafka.Storage;

/// <summary>
/// Committed group offsets, in memory and in the append-only file <c>meta/consumer-offsets.log</c>. Each commit
/// request is one write of records framed as [int32 payload length][uint32 CRC-32C of payload][payload], the
/// payload being group, topic (int16-length strings), partition int32, offset int64 (-1 deletes), leader epoch
/// int32, metadata (nullable string) and commit time int64. A commit is acknowledged after its write, so it
/// survives a kill of the broker. On start the file is replayed up to the first torn or corrupt record, which
/// is cut off; the file is compacted (rewritten with the live entries, then renamed) when mostly stale.
/// </summary>
public sealed class CommittedOffsetStore : IDisposable
{
    private readonly object _lock = new();
    private readonly Dictionary<string, Dictionary<TopicPartition, CommittedOffset>> _groups = new(StringComparer.Ordinal);
    private readonly string _path;
    private readonly bool _flush;
    private readonly ILogger _logger;
    private SafeFileHandle _file;
    private long _size;
    private long _records;

    public CommittedOffsetStore(string path, bool flush, ILogger logger)
    {
        _path = path;
        _flush = flush;
        _logger = logger;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        _file = File.OpenHandle(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
        Replay();
        if (_records > 1000 && _records > 4 * LiveCount())
        {
            Compact();
        }
    }

    private int LiveCount() => _groups.Values.Sum(g => g.Count);

    private void Replay()
    {
        long length = RandomAccess.GetLength(_file);
        var content = new byte[length];
        int read = 0;
        while (read < length)
        {
            int n = RandomAccess.Read(_file, content.AsSpan(read), read);
            if (n == 0)
            {
                break;
            }

            read += n;
        }

        long position = 0;
        while (position + 8 <= read)
        {
            int payloadLength = BinaryPrimitives.ReadInt32BigEndian(content.AsSpan((int)position));
            uint crc = BinaryPrimitives.ReadUInt32BigEndian(content.AsSpan((int)position + 4));
            if (payloadLength <= 0 || position + 8 + payloadLength > read)
            {
                break;
            }

            var payload = content.AsMemory((int)position + 8, payloadLength);
            if (Crc32C.Compute(payload.Span) != crc)
            {
                break;
            }

            try
            {
                ApplyRecord(payload);
            }
            catch (KafkaProtocolException)
            {
                break;
            }

            position += 8 + payloadLength;
            _records++;
        }

        if (position < length)
        {
            _logger.LogWarning(
                "Truncating torn tail of {Path} at byte {Position} of {Length}", _path, position, length);
            RandomAccess.SetLength(_file, position);
        }

        _size = position;
    }

    private void ApplyRecord(ReadOnlyMemory<byte> payload)
    {
        var reader = new KafkaReader(payload);
        string group = reader.ReadString();
        string topic = reader.ReadString();
        int partition = reader.ReadInt32();
        long offset = reader.ReadInt64();
        int epoch = reader.ReadInt32();
        string? metadata = reader.ReadNullableString();
        long timestamp = reader.ReadInt64();
        Apply(group, new TopicPartition(topic, partition), offset < 0 ? null : new CommittedOffset(offset, epoch, metadata, timestamp));
    }

    private void Apply(string group, TopicPartition partition, CommittedOffset? offset)
    {
        if (!_groups.TryGetValue(group, out var offsets))
        {
            if (offset is null)
            {
                return;
            }

            offsets = [];
            _groups[group] = offsets;
        }

        if (offset is null)
        {
            offsets.Remove(partition);
            if (offsets.Count == 0)
            {
                _groups.Remove(group);
            }
        }
        else
        {
            offsets[partition] = offset;
        }
    }

    private static void Encode(KafkaWriter writer, string group, TopicPartition partition, CommittedOffset? offset)
    {
        int start = writer.Length;
        writer.WriteInt32(0);
        writer.WriteInt32(0);
        writer.WriteString(group);
        writer.WriteString(partition.Topic);
        writer.WriteInt32(partition.Partition);
        writer.WriteInt64(offset?.Offset ?? -1);
        writer.WriteInt32(offset?.LeaderEpoch ?? -1);
        writer.WriteNullableString(offset?.Metadata);
        writer.WriteInt64(offset?.CommitTimestamp ?? -1);
        var span = writer.WrittenSpan;
        int payloadLength = writer.Length - start - 8;
        writer.PatchInt32(start, payloadLength);
        writer.PatchInt32(start + 4, (int)Crc32C.Compute(span.Slice(start + 8, payloadLength)));
    }

    /// <summary>Stores offsets (null deletes) for one group in one write; returns after the write.</summary>
    public void Commit(string group, IReadOnlyList<KeyValuePair<TopicPartition, CommittedOffset?>> entries)
    {
        if (entries.Count == 0)
        {
            return;
        }

        using var writer = new KafkaWriter();
        foreach (var (partition, offset) in entries)
        {
            Encode(writer, group, partition, offset);
        }

        lock (_lock)
        {
            RandomAccess.Write(_file, writer.WrittenSpan, _size);
            if (_flush)
            {
                RandomAccess.FlushToDisk(_file);
            }

            _size += writer.Length;
            _records += entries.Count;
            foreach (var (partition, offset) in entries)
            {
                Apply(group, partition, offset);
            }

            if (_records > 10_000 && _records > 4 * LiveCount())
            {
                Compact();
            }
        }
    }

    public CommittedOffset? Get(string group, TopicPartition partition)
    {
        lock (_lock)
        {
            return _groups.TryGetValue(group, out var offsets) ? offsets.GetValueOrDefault(partition) : null;
        }
    }

    /// <summary>A copy of every committed offset of a group.</summary>
    public IReadOnlyDictionary<TopicPartition, CommittedOffset> GetAll(string group)
    {
        lock (_lock)
        {
            return _groups.TryGetValue(group, out var offsets)
                ? new Dictionary<TopicPartition, CommittedOffset>(offsets)
                : new Dictionary<TopicPartition, CommittedOffset>();
        }
    }

    public IReadOnlyList<string> Groups
    {
        get
        {
            lock (_lock)
            {
                return [.. _groups.Keys];
            }
        }
    }

    /// <summary>Forgets the offsets of a deleted topic in every group.</summary>
    public void RemoveTopic(string topic)
    {
        List<(string Group, TopicPartition Partition)> doomed;
        lock (_lock)
        {
            doomed = [.. _groups.SelectMany(g => g.Value.Keys.Where(p => p.Topic == topic).Select(p => (g.Key, p)))];
        }

        foreach (var group in doomed.GroupBy(d => d.Group))
        {
            Commit(group.Key, [.. group.Select(d => new KeyValuePair<TopicPartition, CommittedOffset?>(d.Partition, null))]);
        }
    }

    private void Compact()
    {
        string temporary = _path + ".compact";
        using var writer = new KafkaWriter();
        foreach (var (group, offsets) in _groups)
        {
            foreach (var (partition, offset) in offsets)
            {
                Encode(writer, group, partition, offset);
            }
        }

        using (var handle = File.OpenHandle(temporary, FileMode.Create, FileAccess.ReadWrite, FileShare.None))
        {
            RandomAccess.Write(handle, writer.WrittenSpan, 0);
            RandomAccess.FlushToDisk(handle);
        }

        _file.Dispose();
        File.Move(temporary, _path, overwrite: true);
        _file = File.OpenHandle(_path, FileMode.Open, FileAccess.ReadWrite, FileShare.Read);
        _size = writer.Length;
        _records = LiveCount();
        _logger.LogInformation("Compacted {Path} to {Records} records", _path, _records);
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _file.Dispose();
        }
    }
}
