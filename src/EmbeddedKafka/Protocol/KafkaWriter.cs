using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace EmbeddedKafka.Protocol;

/// <summary>Growable big-endian writer for response frames, backed by pooled arrays.</summary>
public sealed class KafkaWriter : IDisposable
{
    private byte[] _buffer;
    private int _length;

    public KafkaWriter(int initialCapacity = 4096)
    {
        _buffer = ArrayPool<byte>.Shared.Rent(Math.Max(initialCapacity, 64));
    }

    public int Length => _length;

    public ReadOnlyMemory<byte> WrittenMemory => _buffer.AsMemory(0, _length);

    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, _length);

    public void Reset() => _length = 0;

    /// <summary>Drops everything written after <paramref name="length"/>.</summary>
    public void Truncate(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, _length);
        _length = length;
    }

    public Span<byte> GetSpan(int size)
    {
        EnsureCapacity(size);
        return _buffer.AsSpan(_length, size);
    }

    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(_length + count, _buffer.Length);
        _length += count;
    }

    private void EnsureCapacity(int extra)
    {
        if (_length + extra <= _buffer.Length)
        {
            return;
        }

        long wanted = Math.Max((long)_buffer.Length * 2, (long)_length + extra);
        var next = ArrayPool<byte>.Shared.Rent((int)Math.Min(wanted, Array.MaxLength));
        _buffer.AsSpan(0, _length).CopyTo(next);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = next;
    }

    public void WriteInt8(sbyte value)
    {
        GetSpan(1)[0] = (byte)value;
        _length += 1;
    }

    public void WriteBoolean(bool value) => WriteInt8(value ? (sbyte)1 : (sbyte)0);

    public void WriteInt16(short value)
    {
        BinaryPrimitives.WriteInt16BigEndian(GetSpan(2), value);
        _length += 2;
    }

    public void WriteError(ErrorCode value) => WriteInt16((short)value);

    public void WriteInt32(int value)
    {
        BinaryPrimitives.WriteInt32BigEndian(GetSpan(4), value);
        _length += 4;
    }

    public void WriteInt64(long value)
    {
        BinaryPrimitives.WriteInt64BigEndian(GetSpan(8), value);
        _length += 8;
    }

    public void WriteString(string value) => WriteNullableString(value);

    public void WriteNullableString(string? value)
    {
        if (value is null)
        {
            WriteInt16(-1);
            return;
        }

        int byteCount = Encoding.UTF8.GetByteCount(value);
        if (byteCount > short.MaxValue)
        {
            throw new ArgumentException("string longer than 32767 UTF-8 bytes", nameof(value));
        }

        WriteInt16((short)byteCount);
        Encoding.UTF8.GetBytes(value, GetSpan(byteCount));
        _length += byteCount;
    }

    public void WriteBytes(ReadOnlySpan<byte> value)
    {
        WriteInt32(value.Length);
        WriteRaw(value);
    }

    public void WriteNullableBytes(ReadOnlyMemory<byte>? value)
    {
        if (value is null)
        {
            WriteInt32(-1);
            return;
        }

        WriteBytes(value.Value.Span);
    }

    public void WriteRaw(ReadOnlySpan<byte> value)
    {
        value.CopyTo(GetSpan(value.Length));
        _length += value.Length;
    }

    public void WriteArrayLength(int count) => WriteInt32(count);

    /// <summary>Writes a placeholder int32 and returns its position for <see cref="PatchInt32"/>.</summary>
    public int ReserveInt32()
    {
        int position = _length;
        WriteInt32(0);
        return position;
    }

    public void PatchInt16(int position, short value)
    {
        BinaryPrimitives.WriteInt16BigEndian(_buffer.AsSpan(position, 2), value);
    }

    public void PatchInt64(int position, long value)
    {
        BinaryPrimitives.WriteInt64BigEndian(_buffer.AsSpan(position, 8), value);
    }

    public void PatchInt32(int position, int value)
    {
        BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(position, 4), value);
    }

    public void Dispose()
    {
        var buffer = _buffer;
        _buffer = [];
        _length = 0;
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
