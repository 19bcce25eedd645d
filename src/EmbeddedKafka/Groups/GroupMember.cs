namespace EmbeddedKafka.Groups;

/// <summary>A member of a classic consumer group, as the coordinator tracks it.</summary>
internal sealed class GroupMember
{
    public GroupMember(string memberId, long joinOrder)
    {
        MemberId = memberId;
        JoinOrder = joinOrder;
    }

    public string MemberId { get; }

    public long JoinOrder { get; }

    public string? GroupInstanceId { get; set; }

    public string ClientId { get; set; } = "";

    public string ClientHost { get; set; } = "";

    public int SessionTimeoutMs { get; set; }

    public int RebalanceTimeoutMs { get; set; }

    public IReadOnlyList<GroupProtocol> Protocols { get; set; } = [];

    public byte[] Assignment { get; set; } = [];

    /// <summary>Last join, sync, heartbeat or commit, in milliseconds of the coordinator's clock.</summary>
    public long LastSeenMs { get; set; }

    public TaskCompletionSource<JoinGroupResult>? PendingJoin { get; set; }

    public TaskCompletionSource<SyncGroupResult>? PendingSync { get; set; }

    public byte[] MetadataFor(string protocol) =>
        Protocols.FirstOrDefault(p => p.Name == protocol)?.Metadata ?? [];

    public bool SameProtocols(IReadOnlyList<GroupProtocol> protocols) =>
        protocols.Count == Protocols.Count &&
        protocols.Zip(Protocols).All(p => p.First.Name == p.Second.Name && p.First.Metadata.AsSpan().SequenceEqual(p.Second.Metadata));
}
