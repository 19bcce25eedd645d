using System.Globalization;

namespace HeuristicsMiner.Checkpoints;

/// <summary>
/// File names of directory checkpoints: <c>&lt;topic&gt;-&lt;partition&gt;-&lt;next offset, 20 digits&gt;.ckpt</c>, the topic made
/// safe by <see cref="SafeFileName"/>. The fixed-width offset makes names sort by offset, and because the partition
/// and offset are digits only, the last two '-' split a name unambiguously: a file of one partition never matches
/// another partition's pattern.
/// </summary>
public static class CheckpointFileName
{
    public const string Extension = ".ckpt";
    private const int OffsetDigits = 20;

    public static string For(PartitionId partition, long nextOffset)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(nextOffset);
        return Prefix(partition) + nextOffset.ToString("D20", CultureInfo.InvariantCulture) + Extension;
    }

    /// <summary>What every file name of <paramref name="partition"/> starts with.</summary>
    public static string Prefix(PartitionId partition)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(partition.Partition);
        return SafeFileName.For(partition.Topic) + "-" + partition.Partition.ToString(CultureInfo.InvariantCulture) + "-";
    }

    /// <summary>The next offset named by <paramref name="fileName"/> if it is a checkpoint file of <paramref name="partition"/>.</summary>
    public static bool TryParseNextOffset(string fileName, PartitionId partition, out long nextOffset)
    {
        nextOffset = 0;
        var prefix = Prefix(partition);
        if (fileName.Length != prefix.Length + OffsetDigits + Extension.Length
            || !fileName.StartsWith(prefix, StringComparison.Ordinal)
            || !fileName.EndsWith(Extension, StringComparison.Ordinal))
        {
            return false;
        }

        var digits = fileName.AsSpan(prefix.Length, OffsetDigits);
        foreach (var c in digits)
        {
            if (c is < '0' or > '9')
                return false;
        }

        return long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out nextOffset);
    }
}
