namespace EmbeddedKafka.Groups;

/// <summary>A member as the leader sees it in the JoinGroup response: id and metadata for the chosen protocol.</summary>
public sealed record JoinGroupMember(string MemberId, string? GroupInstanceId, byte[] Metadata);
