using System.Buffers.Binary;
using System.Globalization;
using EmbeddedKafka.Protocol;
using Microsoft.Extensions.Logging;

namespace EmbeddedKafka.Storage;

/// <summary>
/// The log of one partition: an ordered list of segments in the directory <c>{topic}-{partition}</c>. With a
/// single replica the high watermark is the log end offset. Appends and reads are serialised by one lock (reads
/// are page-cache copies); waiters for new data are woken through <see cref="WhenAppended"/>.
/// </summary>
public sealed class PartitionLog : IDisposable
{
    private readonly object _lock = new();
    private readonly List<LogSegment> _segments = [];
    private readonly ProducerStateTable _producers = new();
    private readonly string _directory;
    private readonly ILogger _logger;
    private TaskCompletionSource _appended = NewSignal();
    private TopicConfig _config;
    private long _logEndOffset;
    private long _logStartOffset;
    private bool _closed;

    private PartitionLog(string topic, int partition, string directory, TopicConfig config, ILogger logger)
    {
        Topic = topic;
        Partition = partition;
        _directory = directory;
        _config = config;
        _logger = logger;
    }

    public string Topic { get; }

    public int Partition { get; }

    public long LogEndOffset => Interlocked.Read(ref _logEndOffset);

    public long LogStartOffset => Interlocked.Read(ref _logStartOffset);

    /// <summary>Completes at the next append (or when the log is closed).</summary>
    public Task WhenAppended
    {
        get
        {
            lock (_lock)
            {
                return _appended.Task;
            }
        }
    }

    internal long MaxProducerId
    {
        get
        {
            lock (_lock)
            {
                return _producers.MaxProducerId;
            }
        }
    }

    public long SizeInBytes
    {
        get
        {
            lock (_lock)
            {
                return _segments.Sum(s => s.Size);
            }
        }
    }

    public static string DirectoryName(string topic, int partition) =>
        topic + "-" + partition.ToString(CultureInfo.InvariantCulture);

    /// <summary>Opens (or creates) the partition directory and recovers its segments.</summary>
    public static PartitionLog Open(string dataDirectory, string topic, int partition, TopicConfig config, ILogger logger)
    {
        string directory = Path.Combine(dataDirectory, DirectoryName(topic, partition));
        Directory.CreateDirectory(directory);
        var log = new PartitionLog(topic, partition, directory, config, logger);
        try
        {
            log.Load();
        }
        catch
        {
            log.Dispose();
            throw;
        }

        return log;
    }

    private void Load()
    {
        var bases = Directory.EnumerateFiles(_directory, "*.log")
            .Select(p => Path.GetFileNameWithoutExtension(p))
            .Select(n => long.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out long b) ? b : -1)
            .Where(b => b >= 0)
            .Order()
            .ToList();
        for (int i = 0; i < bases.Count; i++)
        {
            bool last = i == bases.Count - 1;
            var segment = LogSegment.Open(_directory, bases[i], verifyCrc: last, h => _producers.Record(h), _logger);
            if (_segments.Count > 0 && segment.BaseOffset != _segments[^1].NextOffset)
            {
                // A gap means the previous segment lost its tail; later data cannot be trusted to be contiguous.
                _logger.LogWarning(
                    "{Partition}: segment {Base} does not follow offset {Next}; dropping it and later segments",
                    DirectoryName(Topic, Partition), segment.BaseOffset, _segments[^1].NextOffset);
                segment.Delete();
                for (int j = i + 1; j < bases.Count; j++)
                {
                    string stem = Path.Combine(_directory, LogSegment.FileStem(bases[j]));
                    File.Delete(stem + ".log");
                    File.Delete(stem + ".index");
                }

                break;
            }

            _segments.Add(segment);
        }

        if (_segments.Count == 0)
        {
            _segments.Add(LogSegment.Create(_directory, 0));
        }

        _logStartOffset = _segments[0].BaseOffset;
        _logEndOffset = _segments[^1].NextOffset;
    }

    internal void UpdateConfig(TopicConfig config)
    {
        lock (_lock)
        {
            _config = config;
        }
    }

    /// <summary>
    /// Appends one validated batch (its header already parsed): assigns offsets in place, applies LogAppendTime,
    /// checks idempotent sequences, writes it and wakes fetchers waiting for data.
    /// </summary>
    public AppendResult Append(Span<byte> batch, in RecordBatchHeader header, long nowMs, bool flush)
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_closed, this);
            var check = _producers.Check(header);
            if (check.Error != ErrorCode.None)
            {
                return new AppendResult(check.Error, -1, -1, 0);
            }

            bool logAppendTime = _config.TimestampType == TimestampType.LogAppendTime;
            if (check.IsDuplicate)
            {
                return new AppendResult(ErrorCode.None, check.DuplicateOf, logAppendTime ? nowMs : -1, 0);
            }

            long baseOffset = _logEndOffset;
            BinaryPrimitives.WriteInt64BigEndian(batch, baseOffset);
            BinaryPrimitives.WriteInt32BigEndian(batch[RecordBatchHeader.PartitionLeaderEpochOffset..], 0);
            var stored = header with { BaseOffset = baseOffset };
            if (logAppendTime)
            {
                short attributes = (short)(header.Attributes | RecordBatchHeader.TimestampTypeFlag);
                BinaryPrimitives.WriteInt16BigEndian(batch[RecordBatchHeader.AttributesOffset..], attributes);
                BinaryPrimitives.WriteInt64BigEndian(batch[RecordBatchHeader.MaxTimestampOffset..], nowMs);
                RecordBatchHeader.RewriteCrc(batch);
                stored = stored with { Attributes = attributes, MaxTimestamp = nowMs };
            }

            var active = _segments[^1];
            if (active.Size > 0 && active.Size + batch.Length > _config.SegmentBytes)
            {
                active = LogSegment.Create(_directory, baseOffset);
                _segments.Add(active);
            }

            active.Append(batch, stored);
            if (flush)
            {
                active.Flush();
            }

            _producers.Record(stored);
            Interlocked.Exchange(ref _logEndOffset, stored.LastOffset + 1);
            var signal = _appended;
            _appended = NewSignal();
            signal.TrySetResult();
            return new AppendResult(ErrorCode.None, baseOffset, logAppendTime ? nowMs : -1, header.RecordCount);
        }
    }

    /// <summary>
    /// Copies whole batches from <paramref name="offset"/> into <paramref name="writer"/> (see
    /// <see cref="LogSegment.Read"/>); OFFSET_OUT_OF_RANGE outside [log start, log end].
    /// </summary>
    public ReadResult Read(long offset, int maxBytes, bool atLeastOne, KafkaWriter writer)
    {
        lock (_lock)
        {
            if (_closed)
            {
                return new ReadResult(ErrorCode.UnknownTopicOrPartition, 0, 0, -1, -1);
            }

            if (offset < _logStartOffset || offset > _logEndOffset)
            {
                return new ReadResult(ErrorCode.OffsetOutOfRange, 0, 0, _logEndOffset, _logStartOffset);
            }

            int bytes = 0;
            int records = 0;
            foreach (var segment in _segments)
            {
                if (offset >= segment.NextOffset)
                {
                    continue;
                }

                var (b, r, next) = segment.Read(Math.Max(offset, segment.BaseOffset), maxBytes - bytes, atLeastOne && bytes == 0, writer);
                bytes += b;
                records += r;
                if (next < segment.NextOffset || bytes >= maxBytes)
                {
                    // Stopped inside this segment (the next batch did not fit): going on with the next segment
                    // would skip the rest of this one.
                    break;
                }

                offset = next;
            }

            return new ReadResult(ErrorCode.None, bytes, records, _logEndOffset, _logStartOffset);
        }
    }

    /// <summary>
    /// ListOffsets by time: the first record at or after the target (exact for uncompressed CreateTime batches,
    /// else the first batch that reaches it), or null.
    /// </summary>
    public (long Offset, long Timestamp)? OffsetForTimestamp(long timestamp)
    {
        lock (_lock)
        {
            foreach (var segment in _segments)
            {
                if (segment.FindOffsetForTimestamp(timestamp) is { } found)
                {
                    return found;
                }
            }

            return null;
        }
    }

    /// <summary>
    /// Deletes whole segments older than retention.ms or beyond retention.bytes, never the active segment.
    /// Returns the number of segments deleted.
    /// </summary>
    public int ApplyRetention(long nowMs)
    {
        lock (_lock)
        {
            if (_closed)
            {
                return 0;
            }

            int deleted = 0;
            long total = _segments.Sum(s => s.Size);
            while (_segments.Count > 1)
            {
                var oldest = _segments[0];
                bool tooOld = _config.RetentionMs >= 0 && oldest.MaxTimestamp >= 0 &&
                    nowMs - oldest.MaxTimestamp > _config.RetentionMs;
                bool tooBig = _config.RetentionBytes >= 0 && total - oldest.Size >= _config.RetentionBytes;
                if (!tooOld && !tooBig)
                {
                    break;
                }

                total -= oldest.Size;
                oldest.Delete();
                _segments.RemoveAt(0);
                deleted++;
            }

            Interlocked.Exchange(ref _logStartOffset, _segments[0].BaseOffset);
            return deleted;
        }
    }

    public void Flush()
    {
        lock (_lock)
        {
            if (!_closed)
            {
                _segments[^1].Flush();
            }
        }
    }

    /// <summary>Closes the files and removes the partition directory.</summary>
    public void Delete()
    {
        Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    public void Dispose()
    {
        lock (_lock)
        {
            if (_closed)
            {
                return;
            }

            _closed = true;
            foreach (var segment in _segments)
            {
                segment.Dispose();
            }

            _appended.TrySetResult();
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
