using System.Buffers.Binary;
using System.Text;

namespace EmbeddedKafka.Protocol;

/// <summary>
/// Reads the big-endian, non-flexible Kafka encodings from a request body. Every read is bounds-checked and
/// throws <see cref="KafkaProtocolException"/>, so a truncated or fuzzed frame can only fail its own connection.
/// </summary>
public sealed class KafkaReader
{
    private readonly ReadOnlyMemory<byte> _buffer;
    private int _position;

    public KafkaReader(ReadOnlyMemory<byte> buffer)
    {
        _buffer = buffer;
    }

    public int Position => _position;

    public int Remaining => _buffer.Length - _position;

    private ReadOnlySpan<byte> Take(int count)
    {
        if (count < 0 || count > Remaining)
        {
            throw new KafkaProtocolException(
                $"need {count} bytes at offset {_position} but only {Remaining} remain");
        }

        var span = _buffer.Span.Slice(_position, count);
        _position += count;
        return span;
    }

    public sbyte ReadInt8() => (sbyte)Take(1)[0];

    public bool ReadBoolean() => Take(1)[0] != 0;

    public short ReadInt16() => BinaryPrimitives.ReadInt16BigEndian(Take(2));

    public int ReadInt32() => BinaryPrimitives.ReadInt32BigEndian(Take(4));

    public long ReadInt64() => BinaryPrimitives.ReadInt64BigEndian(Take(8));

    public string ReadString()
    {
        return ReadNullableString() ?? throw new KafkaProtocolException($"null string at offset {_position - 2}");
    }

    public string? ReadNullableString()
    {
        short length = ReadInt16();
        if (length == -1)
        {
            return null;
        }

        if (length < -1)
        {
            throw new KafkaProtocolException($"invalid string length {length} at offset {_position - 2}");
        }

        return Encoding.UTF8.GetString(Take(length));
    }

    /// <summary>Reads an int32-length byte field; returns a slice of the request buffer (no copy), or null.</summary>
    public ReadOnlyMemory<byte>? ReadNullableBytes()
    {
        int length = ReadInt32();
        if (length == -1)
        {
            return null;
        }

        if (length < -1 || length > Remaining)
        {
            throw new KafkaProtocolException($"invalid bytes length {length} at offset {_position - 4}");
        }

        var slice = _buffer.Slice(_position, length);
        _position += length;
        return slice;
    }

    public byte[] ReadBytes()
    {
        var bytes = ReadNullableBytes() ?? throw new KafkaProtocolException($"null bytes at offset {_position - 4}");
        return bytes.ToArray();
    }

    /// <summary>
    /// Reads an array length. Every array element in the APIs served here takes at least one byte, so a count
    /// above the remaining bytes is malformed; checking that stops a fuzzed count from allocating gigabytes.
    /// </summary>
    public int ReadArrayLength()
    {
        int count = ReadInt32();
        if (count < -1 || count > Remaining)
        {
            throw new KafkaProtocolException($"invalid array length {count} at offset {_position - 4}");
        }

        return count;
    }

    public void Skip(int count) => Take(count);
}
