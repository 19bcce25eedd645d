using System.Globalization;

namespace EmbeddedKafka.Server;

/// <summary>
/// Hands out producer ids for InitProducerId, unique across restarts: ids are taken from blocks of 1000 whose
/// upper bound is written to <c>meta/producer-id-block</c> (atomically) before the first id of a block is used,
/// and a restart starts after both that bound and the largest producer id found in the logs.
/// </summary>
internal sealed class ProducerIdAllocator
{
    private const long BlockSize = 1000;
    private readonly object _lock = new();
    private readonly string _path;
    private long _next;
    private long _blockEnd;

    public ProducerIdAllocator(string path, long largestIdInLogs)
    {
        _path = path;
        long stored = File.Exists(path) && long.TryParse(File.ReadAllText(path).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out long b) ? b : 0;
        _next = Math.Max(stored, largestIdInLogs + 1);
        _blockEnd = _next;
    }

    public long Allocate()
    {
        lock (_lock)
        {
            if (_next >= _blockEnd)
            {
                _blockEnd = _next + BlockSize;
                string temporary = _path + ".tmp";
                File.WriteAllText(temporary, _blockEnd.ToString(CultureInfo.InvariantCulture));
                File.Move(temporary, _path, overwrite: true);
            }

            return _next++;
        }
    }
}
