using EmbeddedKafka.Protocol;

namespace EmbeddedKafka.Groups;

/// <summary>JoinGroup response fields; <see cref="Members"/> is filled for the leader only.</summary>
public sealed record JoinGroupResult(
    ErrorCode Error,
    int GenerationId,
    string ProtocolName,
    string LeaderId,
    string MemberId,
    IReadOnlyList<JoinGroupMember> Members)
{
    public static JoinGroupResult Failed(ErrorCode error, string memberId = "") =>
        new(error, -1, "", "", memberId, []);
}
