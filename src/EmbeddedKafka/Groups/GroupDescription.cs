namespace EmbeddedKafka.Groups;

/// <summary>A snapshot of a group for DescribeGroups / ListGroups and the metrics.</summary>
public sealed record GroupDescription(
    string GroupId,
    GroupState State,
    int GenerationId,
    string ProtocolType,
    string ProtocolName,
    string? LeaderId,
    IReadOnlyList<GroupMemberDescription> Members);
