namespace EmbeddedKafka.Groups;

/// <summary>State of one classic group; guarded by the <see cref="GroupCoordinator"/> lock.</summary>
internal sealed class ConsumerGroup
{
    public ConsumerGroup(string groupId)
    {
        GroupId = groupId;
    }

    public string GroupId { get; }

    public GroupState State { get; set; } = GroupState.Empty;

    public int GenerationId { get; set; }

    public string ProtocolType { get; set; } = "";

    public string? ProtocolName { get; set; }

    public string? LeaderId { get; set; }

    public Dictionary<string, GroupMember> Members { get; } = new(StringComparer.Ordinal);

    /// <summary>Member ids handed out with MEMBER_ID_REQUIRED, with the time they expire if never used.</summary>
    public Dictionary<string, long> PendingMemberIds { get; } = new(StringComparer.Ordinal);

    public long RebalanceDeadlineMs { get; set; }

    public long InitialDelayDeadlineMs { get; set; }

    public IEnumerable<GroupMember> MembersInJoinOrder => Members.Values.OrderBy(m => m.JoinOrder);

    /// <summary>Protocol names every current member supports.</summary>
    public HashSet<string> CandidateProtocols()
    {
        HashSet<string>? candidates = null;
        foreach (var member in Members.Values)
        {
            var names = member.Protocols.Select(p => p.Name);
            if (candidates is null)
            {
                candidates = new HashSet<string>(names, StringComparer.Ordinal);
            }
            else
            {
                candidates.IntersectWith(names);
            }
        }

        return candidates ?? new HashSet<string>(StringComparer.Ordinal);
    }

    /// <summary>Kafka's rule: each member votes for its most preferred candidate; the most votes wins.</summary>
    public string SelectProtocol()
    {
        var candidates = CandidateProtocols();
        var votes = new Dictionary<string, int>(StringComparer.Ordinal);
        string? best = null;
        foreach (var member in MembersInJoinOrder)
        {
            string vote = member.Protocols.First(p => candidates.Contains(p.Name)).Name;
            votes[vote] = votes.GetValueOrDefault(vote) + 1;
            if (best is null || votes[vote] > votes[best])
            {
                best = vote;
            }
        }

        return best ?? "";
    }
}
