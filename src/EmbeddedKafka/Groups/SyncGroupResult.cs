using EmbeddedKafka.Protocol;

namespace EmbeddedKafka.Groups;

/// <summary>SyncGroup response fields: the member's assignment from the leader.</summary>
public sealed record SyncGroupResult(ErrorCode Error, byte[] Assignment)
{
    public static SyncGroupResult Failed(ErrorCode error) => new(error, []);
}
