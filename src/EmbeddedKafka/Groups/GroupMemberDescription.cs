namespace EmbeddedKafka.Groups;

/// <summary>A member as DescribeGroups reports it.</summary>
public sealed record GroupMemberDescription(
    string MemberId, string? GroupInstanceId, string ClientId, string ClientHost, byte[] Metadata, byte[] Assignment);
