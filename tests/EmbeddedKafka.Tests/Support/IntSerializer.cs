using System.Buffers.Binary;
using Confluent.Kafka;

namespace EmbeddedKafka.Tests.Support;

/// <summary>Big-endian int32 keys and values (4 bytes each, to keep volume tests light).</summary>
public sealed class IntSerializer : ISerializer<int>, IDeserializer<int>
{
    public static IntSerializer Instance { get; } = new();

    public byte[] Serialize(int data, SerializationContext context)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(bytes, data);
        return bytes;
    }

    public int Deserialize(ReadOnlySpan<byte> data, bool isNull, SerializationContext context) =>
        BinaryPrimitives.ReadInt32BigEndian(data);
}
