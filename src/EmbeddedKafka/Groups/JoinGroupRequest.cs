namespace EmbeddedKafka.Groups;

/// <summary>The fields of a JoinGroup request the coordinator needs.</summary>
public sealed record JoinGroupRequest(
    string GroupId,
    int SessionTimeoutMs,
    int RebalanceTimeoutMs,
    string MemberId,
    string? GroupInstanceId,
    string ProtocolType,
    IReadOnlyList<GroupProtocol> Protocols,
    bool RequireKnownMemberId,
    string ClientId,
    string ClientHost);
