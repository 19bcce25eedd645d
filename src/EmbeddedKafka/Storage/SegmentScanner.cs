using Microsoft.Win32.SafeHandles;

namespace EmbeddedKafka.Storage;

/// <summary>Sequential, buffered reads of a segment file for the start-up scan (one large read per megabyte).</summary>
internal sealed class SegmentScanner
{
    private readonly SafeFileHandle _file;
    private readonly long _length;
    private byte[] _buffer = new byte[1 << 20];
    private long _bufferStart;
    private int _bufferLength;

    public SegmentScanner(SafeFileHandle file, long length)
    {
        _file = file;
        _length = length;
    }

    /// <summary>Returns <paramref name="count"/> bytes at <paramref name="position"/>, or fewer at end of file.</summary>
    public ReadOnlySpan<byte> Read(long position, int count)
    {
        long available = Math.Max(0, _length - position);
        count = (int)Math.Min(count, available);
        if (position < _bufferStart || position + count > _bufferStart + _bufferLength)
        {
            if (count > _buffer.Length)
            {
                _buffer = new byte[count];
            }

            int wanted = (int)Math.Min(_buffer.Length, available);
            int read = 0;
            while (read < wanted)
            {
                int n = RandomAccess.Read(_file, _buffer.AsSpan(read, wanted - read), position + read);
                if (n == 0)
                {
                    break;
                }

                read += n;
            }

            _bufferStart = position;
            _bufferLength = read;
            count = Math.Min(count, read);
        }

        return _buffer.AsSpan((int)(position - _bufferStart), count);
    }
}
