using System.Buffers.Binary;
using System.Globalization;
using EmbeddedKafka.Protocol;
using Microsoft.Extensions.Logging;
using Microsoft.Win32.SafeHandles;

namespace EmbeddedKafka.Storage;

/// <summary>
/// One segment of a partition log: <c>{baseOffset:D20}.log</c> holds record batches exactly as served to
/// consumers, back to back; <c>{baseOffset:D20}.index</c> is a sparse index of (int32 offset relative to the
/// segment base, int32 byte position) pairs, big-endian, one per <see cref="IndexIntervalBytes"/> of log.
/// Writes go straight to the file (no user-space buffer), so an acknowledged batch is in the OS page cache and
/// survives the broker process being killed. Not thread-safe: <see cref="PartitionLog"/> serialises access.
/// </summary>
internal sealed class LogSegment : IDisposable
{
    public const int IndexIntervalBytes = 4096;
    private const int IndexEntrySize = 8;

    private readonly SafeFileHandle _log;
    private readonly SafeFileHandle _index;
    private readonly List<OffsetIndexEntry> _entries = [];
    private long _bytesSinceIndexEntry;

    private LogSegment(string directory, long baseOffset, SafeFileHandle log, SafeFileHandle index)
    {
        BaseOffset = baseOffset;
        NextOffset = baseOffset;
        LogPath = Path.Combine(directory, FileStem(baseOffset) + ".log");
        IndexPath = Path.Combine(directory, FileStem(baseOffset) + ".index");
        _log = log;
        _index = index;
    }

    public long BaseOffset { get; }

    public long Size { get; private set; }

    /// <summary>The offset after the last batch of this segment.</summary>
    public long NextOffset { get; private set; }

    /// <summary>Largest batch max-timestamp seen, -1 when empty.</summary>
    public long MaxTimestamp { get; private set; } = -1;

    public string LogPath { get; }

    public string IndexPath { get; }

    public static string FileStem(long baseOffset) => baseOffset.ToString("D20", CultureInfo.InvariantCulture);

    public static LogSegment Create(string directory, long baseOffset)
    {
        string stem = Path.Combine(directory, FileStem(baseOffset));
        var log = File.OpenHandle(stem + ".log", FileMode.Create, FileAccess.ReadWrite, FileShare.Read);
        var index = File.OpenHandle(stem + ".index", FileMode.Create, FileAccess.ReadWrite, FileShare.Read);
        return new LogSegment(directory, baseOffset, log, index);
    }

    /// <summary>
    /// Opens an existing segment and scans every batch header. Stops at the first batch that is cut short, has a
    /// bad magic, a wrong offset or (when <paramref name="verifyCrc"/>) a bad CRC, and truncates the file there:
    /// a torn tail is never served. Rebuilds the sparse index and rewrites the index file if it disagrees.
    /// </summary>
    public static LogSegment Open(
        string directory, long baseOffset, bool verifyCrc, Action<RecordBatchHeader> onBatch, ILogger logger)
    {
        string stem = Path.Combine(directory, FileStem(baseOffset));
        var log = File.OpenHandle(stem + ".log", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
        var index = File.OpenHandle(stem + ".index", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
        var segment = new LogSegment(directory, baseOffset, log, index);
        try
        {
            segment.Recover(verifyCrc, onBatch, logger);
            return segment;
        }
        catch
        {
            segment.Dispose();
            throw;
        }
    }

    private void Recover(bool verifyCrc, Action<RecordBatchHeader> onBatch, ILogger logger)
    {
        long length = RandomAccess.GetLength(_log);
        var scanner = new SegmentScanner(_log, length);
        long position = 0;
        string? problem = null;
        while (position < length)
        {
            var head = scanner.Read(position, RecordBatchHeader.Size);
            if (!RecordBatchHeader.TryRead(head, out var header))
            {
                problem = "incomplete batch header";
                break;
            }

            if (header.Magic != 2 || header.BatchLength < RecordBatchHeader.Size - RecordBatchHeader.LogOverhead ||
                header.BatchLength > int.MaxValue - RecordBatchHeader.LogOverhead)
            {
                problem = $"bad magic {header.Magic} or length {header.BatchLength}";
                break;
            }

            if (header.BaseOffset != NextOffset || header.LastOffsetDelta < 0)
            {
                problem = $"offset {header.BaseOffset} where {NextOffset} was expected";
                break;
            }

            if (position + header.TotalSize > length)
            {
                problem = $"batch of {header.TotalSize} bytes cut short at {length - position}";
                break;
            }

            if (verifyCrc && !RecordBatchHeader.CrcMatches(scanner.Read(position, header.TotalSize)))
            {
                problem = "CRC mismatch";
                break;
            }

            Track(header, position);
            Size = position + header.TotalSize;
            onBatch(header);
            position += header.TotalSize;
        }

        if (problem is not null)
        {
            logger.LogWarning(
                "Truncating {Path} at byte {Position} of {Length} (offset {Offset}): {Problem}",
                LogPath, position, length, NextOffset, problem);
            RandomAccess.SetLength(_log, position);
            Size = position;
        }

        RewriteIndexIfDifferent();
    }

    private void Track(in RecordBatchHeader header, long position)
    {
        if (_bytesSinceIndexEntry >= IndexIntervalBytes)
        {
            _entries.Add(new OffsetIndexEntry(header.BaseOffset, position));
            _bytesSinceIndexEntry = 0;
        }

        _bytesSinceIndexEntry += header.TotalSize;
        NextOffset = header.LastOffset + 1;
        MaxTimestamp = Math.Max(MaxTimestamp, header.MaxTimestamp);
    }

    private void RewriteIndexIfDifferent()
    {
        var expected = new byte[_entries.Count * IndexEntrySize];
        for (int i = 0; i < _entries.Count; i++)
        {
            WriteEntry(expected.AsSpan(i * IndexEntrySize), _entries[i]);
        }

        long existingLength = RandomAccess.GetLength(_index);
        if (existingLength == expected.Length)
        {
            var existing = new byte[existingLength];
            int read = existing.Length == 0 ? 0 : RandomAccess.Read(_index, existing, 0);
            if (read == existing.Length && existing.AsSpan().SequenceEqual(expected))
            {
                return;
            }
        }

        RandomAccess.SetLength(_index, 0);
        RandomAccess.Write(_index, expected, 0);
    }

    private void WriteEntry(Span<byte> destination, OffsetIndexEntry entry)
    {
        BinaryPrimitives.WriteInt32BigEndian(destination, (int)(entry.Offset - BaseOffset));
        BinaryPrimitives.WriteInt32BigEndian(destination[4..], (int)entry.Position);
    }

    /// <summary>Appends a batch whose offsets are already assigned.</summary>
    public void Append(ReadOnlySpan<byte> batch, in RecordBatchHeader header)
    {
        long position = Size;
        int entriesBefore = _entries.Count;
        RandomAccess.Write(_log, batch, position);
        Track(header, position);
        Size = position + batch.Length;
        if (_entries.Count > entriesBefore)
        {
            Span<byte> entry = stackalloc byte[IndexEntrySize];
            WriteEntry(entry, _entries[^1]);
            RandomAccess.Write(_index, entry, (long)(_entries.Count - 1) * IndexEntrySize);
        }
    }

    public void Flush()
    {
        RandomAccess.FlushToDisk(_log);
    }

    /// <summary>
    /// Copies whole batches starting with the one that contains <paramref name="offset"/> into
    /// <paramref name="writer"/>, at most <paramref name="maxBytes"/> unless <paramref name="atLeastOne"/> asks for
    /// the first batch whatever its size (KIP-74). Returns the bytes written, the number of records in them and
    /// the offset after the last batch written (so the caller knows whether it reached the segment's end).
    /// </summary>
    public (int Bytes, int Records, long NextOffset) Read(long offset, int maxBytes, bool atLeastOne, KafkaWriter writer)
    {
        long position = FindBatchContaining(offset);
        if (position < 0)
        {
            return (0, 0, offset);
        }

        long available = Size - position;
        int toRead = (int)Math.Min(available, Math.Max(maxBytes, 0));
        Span<byte> head = stackalloc byte[RecordBatchHeader.Size];
        ReadExactly(head, position);
        RecordBatchHeader.TryRead(head, out var first);
        if (first.TotalSize > toRead)
        {
            if (!atLeastOne)
            {
                return (0, 0, offset);
            }

            toRead = first.TotalSize;
        }

        var destination = writer.GetSpan(toRead);
        ReadExactly(destination, position);
        int used = 0;
        int records = 0;
        long next = offset;
        while (used + RecordBatchHeader.Size <= toRead)
        {
            RecordBatchHeader.TryRead(destination[used..], out var header);
            if (used + header.TotalSize > toRead)
            {
                break;
            }

            used += header.TotalSize;
            records += header.RecordCount;
            next = header.LastOffset + 1;
        }

        writer.Advance(used);
        return (used, records, next);
    }

    private long FindBatchContaining(long offset)
    {
        if (offset < BaseOffset || offset >= NextOffset)
        {
            return -1;
        }

        long position = 0;
        int lo = 0;
        int hi = _entries.Count - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            if (_entries[mid].Offset <= offset)
            {
                position = _entries[mid].Position;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        Span<byte> head = stackalloc byte[RecordBatchHeader.Size];
        while (position < Size)
        {
            ReadExactly(head, position);
            RecordBatchHeader.TryRead(head, out var header);
            if (header.LastOffset >= offset)
            {
                return position;
            }

            position += header.TotalSize;
        }

        return -1;
    }

    /// <summary>
    /// The first record at or after <paramref name="timestamp"/> (exact for uncompressed CreateTime batches,
    /// otherwise the base offset and max timestamp of the first batch that reaches it).
    /// </summary>
    public (long Offset, long Timestamp)? FindOffsetForTimestamp(long timestamp)
    {
        if (MaxTimestamp < timestamp)
        {
            return null;
        }

        var scanner = new SegmentScanner(_log, Size);
        long position = 0;
        while (position < Size)
        {
            RecordBatchHeader.TryRead(scanner.Read(position, RecordBatchHeader.Size), out var header);
            if (header.MaxTimestamp >= timestamp)
            {
                // CreateTime and uncompressed: the exact record; otherwise the batch (all its records share
                // the LogAppendTime, or they are compressed and stay so).
                bool appendTime = (header.Attributes & RecordBatchHeader.TimestampTypeFlag) != 0;
                var exact = appendTime ? null : RecordTimestampScanner.FirstAtOrAfter(scanner.Read(position, header.TotalSize), timestamp);
                return exact ?? (header.BaseOffset, header.MaxTimestamp);
            }

            position += header.TotalSize;
        }

        return null;
    }

    private void ReadExactly(Span<byte> destination, long position)
    {
        int read = 0;
        while (read < destination.Length)
        {
            int n = RandomAccess.Read(_log, destination[read..], position + read);
            if (n == 0)
            {
                throw new IOException($"{LogPath}: unexpected end of file at {position + read}");
            }

            read += n;
        }
    }

    public void Delete()
    {
        Dispose();
        File.Delete(LogPath);
        File.Delete(IndexPath);
    }

    public void Dispose()
    {
        _log.Dispose();
        _index.Dispose();
    }
}
