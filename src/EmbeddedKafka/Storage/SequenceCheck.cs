using EmbeddedKafka.Protocol;

namespace EmbeddedKafka.Storage;

/// <summary>Outcome of checking an idempotent batch: append it, answer a duplicate with its first offset, or reject.</summary>
internal readonly record struct SequenceCheck(ErrorCode Error, long DuplicateOf)
{
    public static SequenceCheck Append { get; } = new(ErrorCode.None, -1);

    public bool IsDuplicate => DuplicateOf >= 0;
}
