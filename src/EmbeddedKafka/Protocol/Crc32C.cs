using System.Buffers.Binary;
using System.Numerics;

namespace EmbeddedKafka.Protocol;

/// <summary>CRC-32C (Castagnoli), as used by record batch v2; hardware accelerated through BitOperations.</summary>
public static class Crc32C
{
    public static uint Compute(ReadOnlySpan<byte> data)
    {
        uint crc = 0xFFFFFFFFu;
        while (data.Length >= 8)
        {
            crc = BitOperations.Crc32C(crc, BinaryPrimitives.ReadUInt64LittleEndian(data));
            data = data[8..];
        }

        foreach (byte b in data)
        {
            crc = BitOperations.Crc32C(crc, b);
        }

        return ~crc;
    }
}
