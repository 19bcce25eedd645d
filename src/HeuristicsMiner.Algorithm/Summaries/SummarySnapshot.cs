using System.Text;

namespace HeuristicsMiner.Algorithm.Summaries;

/// <summary>
/// Versioned binary snapshots of a summary. Layout (little endian): magic "HBSS", format version (byte),
/// variant (byte), then the variant's state with entries in canonical order; so snapshot → restore →
/// snapshot gives the same bytes, and a restored summary continues exactly as the original would.
/// </summary>
public static class SummarySnapshot
{
    public const byte FormatVersion = 1;
    private static readonly byte[] Magic = "HBSS"u8.ToArray();

    public static void Write(StreamSummary summary, Stream output)
    {
        ArgumentNullException.ThrowIfNull(summary);
        using var writer = new BinaryWriter(output, Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(FormatVersion);
        writer.Write((byte)summary.Variant);
        summary.WriteState(writer);
    }

    public static byte[] ToBytes(StreamSummary summary)
    {
        using var buffer = new MemoryStream();
        Write(summary, buffer);
        return buffer.ToArray();
    }

    /// <summary>Reads a snapshot; a damaged or foreign one throws <see cref="InvalidDataException"/> saying why.</summary>
    public static StreamSummary Read(Stream input)
    {
        using var reader = new BinaryReader(input, Encoding.UTF8, leaveOpen: true);
        try
        {
            if (!reader.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic))
                throw new InvalidDataException("not a summary snapshot (bad magic)");
            var version = reader.ReadByte();
            if (version != FormatVersion)
                throw new InvalidDataException($"snapshot format version {version} is not supported (this build reads {FormatVersion})");
            var variant = (SummaryVariant)reader.ReadByte();
            return variant switch
            {
                SummaryVariant.LossyCounting => LossyCountingSummary.ReadState(reader),
                SummaryVariant.LossyCountingWithBudget => LossyCountingBudgetSummary.ReadState(reader),
                SummaryVariant.SlidingWindow => SlidingWindowSummary.ReadState(reader),
                _ => throw new InvalidDataException($"snapshot variant {(byte)variant} is unknown"),
            };
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException("snapshot is truncated", e);
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new InvalidDataException($"snapshot holds an invalid setting: {e.Message}", e);
        }
    }

    public static StreamSummary FromBytes(byte[] snapshot)
    {
        using var buffer = new MemoryStream(snapshot, writable: false);
        var summary = Read(buffer);
        if (buffer.Position != buffer.Length)
            throw new InvalidDataException($"snapshot has {buffer.Length - buffer.Position} trailing bytes");
        return summary;
    }
}
