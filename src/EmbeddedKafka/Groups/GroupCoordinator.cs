using EmbeddedKafka.Protocol;
using EmbeddedKafka.Storage;
using Microsoft.Extensions.Logging;

namespace EmbeddedKafka.Groups;

/// <summary>
/// The classic group protocol (JoinGroup / SyncGroup / Heartbeat / LeaveGroup) for every group of this
/// single-node cluster, following Kafka's GroupCoordinator state machine: Empty → PreparingRebalance (members
/// rejoin, bounded by the rebalance timeout) → CompletingRebalance (generation bumped, leader chosen, waiting
/// for the leader's assignment) → Stable. Members that stop heartbeating for their session timeout are
/// removed, which starts a rebalance; requests carrying an old generation or an unknown member id are fenced
/// with ILLEGAL_GENERATION / UNKNOWN_MEMBER_ID. Time advances through <see cref="Tick"/>.
/// </summary>
public sealed class GroupCoordinator
{
    private readonly object _lock = new();
    private readonly Dictionary<string, ConsumerGroup> _groups = new(StringComparer.Ordinal);
    private readonly GroupCoordinatorOptions _options;
    private readonly CommittedOffsetStore _offsets;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private long _joinCounter;

    public GroupCoordinator(GroupCoordinatorOptions options, CommittedOffsetStore offsets, TimeProvider time, ILogger logger)
    {
        _options = options;
        _offsets = offsets;
        _time = time;
        _logger = logger;
    }

    private long NowMs => _time.GetUtcNow().ToUnixTimeMilliseconds();

    public Task<JoinGroupResult> JoinAsync(JoinGroupRequest request)
    {
        lock (_lock)
        {
            long now = NowMs;
            if (string.IsNullOrEmpty(request.GroupId))
            {
                return Task.FromResult(JoinGroupResult.Failed(ErrorCode.InvalidGroupId, request.MemberId));
            }

            if (request.SessionTimeoutMs < _options.MinSessionTimeoutMs ||
                request.SessionTimeoutMs > _options.MaxSessionTimeoutMs)
            {
                return Task.FromResult(JoinGroupResult.Failed(ErrorCode.InvalidSessionTimeout, request.MemberId));
            }

            var group = GetOrCreate(request.GroupId);
            if (!Supports(group, request))
            {
                return Task.FromResult(JoinGroupResult.Failed(ErrorCode.InconsistentGroupProtocol, request.MemberId));
            }

            GroupMember member;
            if (request.MemberId.Length == 0)
            {
                string memberId = $"{request.ClientId}-{Guid.NewGuid():D}";
                if (request.RequireKnownMemberId)
                {
                    group.PendingMemberIds[memberId] = now + request.SessionTimeoutMs;
                    return Task.FromResult(JoinGroupResult.Failed(ErrorCode.MemberIdRequired, memberId));
                }

                member = AddMember(group, memberId, request, now);
            }
            else if (group.Members.TryGetValue(request.MemberId, out var existing))
            {
                if (group.State is GroupState.Stable or GroupState.CompletingRebalance &&
                    existing.SameProtocols(request.Protocols) &&
                    (group.State == GroupState.CompletingRebalance || existing.MemberId != group.LeaderId))
                {
                    // Nothing changed: answer with the current generation instead of forcing a rebalance.
                    existing.LastSeenMs = now;
                    return Task.FromResult(ResultFor(group, existing));
                }

                member = existing;
                Update(member, request, now);
            }
            else if (group.PendingMemberIds.Remove(request.MemberId))
            {
                member = AddMember(group, request.MemberId, request, now);
            }
            else
            {
                return Task.FromResult(JoinGroupResult.Failed(ErrorCode.UnknownMemberId, request.MemberId));
            }

            member.PendingJoin?.TrySetResult(JoinGroupResult.Failed(ErrorCode.UnknownMemberId, member.MemberId));
            var join = new TaskCompletionSource<JoinGroupResult>(TaskCreationOptions.RunContinuationsAsynchronously);
            member.PendingJoin = join;
            if (group.State != GroupState.PreparingRebalance)
            {
                PrepareRebalance(group, now, $"member {member.MemberId} joined");
            }

            TryCompleteJoin(group, now);
            return join.Task;
        }
    }

    private static bool Supports(ConsumerGroup group, JoinGroupRequest request)
    {
        if (request.ProtocolType.Length == 0 || request.Protocols.Count == 0)
        {
            return false;
        }

        if (group.Members.Count == 0 || (group.Members.Count == 1 && group.Members.ContainsKey(request.MemberId)))
        {
            return true;
        }

        var others = new ConsumerGroup(group.GroupId);
        foreach (var (id, m) in group.Members)
        {
            if (id != request.MemberId)
            {
                others.Members[id] = m;
            }
        }

        return group.ProtocolType == request.ProtocolType &&
            request.Protocols.Any(p => others.CandidateProtocols().Contains(p.Name));
    }

    private GroupMember AddMember(ConsumerGroup group, string memberId, JoinGroupRequest request, long now)
    {
        var member = new GroupMember(memberId, Interlocked.Increment(ref _joinCounter));
        Update(member, request, now);
        group.Members[memberId] = member;
        if (group.Members.Count == 1)
        {
            group.ProtocolType = request.ProtocolType;
        }

        return member;
    }

    private static void Update(GroupMember member, JoinGroupRequest request, long now)
    {
        member.GroupInstanceId = request.GroupInstanceId;
        member.ClientId = request.ClientId;
        member.ClientHost = request.ClientHost;
        member.SessionTimeoutMs = request.SessionTimeoutMs;
        member.RebalanceTimeoutMs = request.RebalanceTimeoutMs;
        member.Protocols = request.Protocols;
        member.LastSeenMs = now;
    }

    private void PrepareRebalance(ConsumerGroup group, long now, string reason)
    {
        foreach (var member in group.Members.Values)
        {
            member.PendingSync?.TrySetResult(SyncGroupResult.Failed(ErrorCode.RebalanceInProgress));
            member.PendingSync = null;
        }

        bool initial = group.State == GroupState.Empty;
        int rebalanceTimeout = group.Members.Values.Select(m => m.RebalanceTimeoutMs).DefaultIfEmpty(0).Max();
        group.State = GroupState.PreparingRebalance;
        group.RebalanceDeadlineMs = now + rebalanceTimeout;
        group.InitialDelayDeadlineMs = initial
            ? now + Math.Min(_options.InitialRebalanceDelayMs, rebalanceTimeout)
            : 0;
        _logger.LogInformation(
            "Group {Group} preparing rebalance (generation {Generation}): {Reason}",
            group.GroupId, group.GenerationId, reason);
    }

    private void TryCompleteJoin(ConsumerGroup group, long now)
    {
        if (group.State != GroupState.PreparingRebalance || now < group.InitialDelayDeadlineMs)
        {
            return;
        }

        bool allJoined = group.PendingMemberIds.Count == 0 && group.Members.Values.All(m => m.PendingJoin is not null);
        if (allJoined || now >= group.RebalanceDeadlineMs)
        {
            CompleteJoin(group, now);
        }
    }

    private void CompleteJoin(ConsumerGroup group, long now)
    {
        foreach (var late in group.Members.Values.Where(m => m.PendingJoin is null).ToList())
        {
            _logger.LogInformation(
                "Group {Group}: member {Member} did not rejoin in time and was removed", group.GroupId, late.MemberId);
            group.Members.Remove(late.MemberId);
        }

        group.PendingMemberIds.Clear();
        group.GenerationId++;
        if (group.Members.Count == 0)
        {
            group.State = GroupState.Empty;
            group.ProtocolName = null;
            group.LeaderId = null;
            return;
        }

        group.ProtocolName = group.SelectProtocol();
        if (group.LeaderId is null || !group.Members.ContainsKey(group.LeaderId))
        {
            group.LeaderId = group.MembersInJoinOrder.First().MemberId;
        }

        group.State = GroupState.CompletingRebalance;
        _logger.LogInformation(
            "Group {Group} generation {Generation}: {Count} members, leader {Leader}, protocol {Protocol}",
            group.GroupId, group.GenerationId, group.Members.Count, group.LeaderId, group.ProtocolName);
        foreach (var member in group.Members.Values)
        {
            member.LastSeenMs = now;
            var pending = member.PendingJoin;
            member.PendingJoin = null;
            pending?.TrySetResult(ResultFor(group, member));
        }
    }

    private static JoinGroupResult ResultFor(ConsumerGroup group, GroupMember member)
    {
        IReadOnlyList<JoinGroupMember> members = member.MemberId == group.LeaderId
            ? [.. group.MembersInJoinOrder.Select(m => new JoinGroupMember(m.MemberId, m.GroupInstanceId, m.MetadataFor(group.ProtocolName!)))]
            : [];
        return new JoinGroupResult(
            ErrorCode.None, group.GenerationId, group.ProtocolName ?? "", group.LeaderId ?? "", member.MemberId, members);
    }

    public Task<SyncGroupResult> SyncAsync(
        string groupId, int generationId, string memberId, IReadOnlyDictionary<string, byte[]> assignments)
    {
        lock (_lock)
        {
            long now = NowMs;
            if (!_groups.TryGetValue(groupId, out var group) || !group.Members.TryGetValue(memberId, out var member))
            {
                return Task.FromResult(SyncGroupResult.Failed(ErrorCode.UnknownMemberId));
            }

            if (generationId != group.GenerationId)
            {
                return Task.FromResult(SyncGroupResult.Failed(ErrorCode.IllegalGeneration));
            }

            member.LastSeenMs = now;
            switch (group.State)
            {
                case GroupState.PreparingRebalance:
                    return Task.FromResult(SyncGroupResult.Failed(ErrorCode.RebalanceInProgress));
                case GroupState.Stable:
                    return Task.FromResult(new SyncGroupResult(ErrorCode.None, member.Assignment));
                case GroupState.CompletingRebalance:
                    break;
                default:
                    return Task.FromResult(SyncGroupResult.Failed(ErrorCode.UnknownMemberId));
            }

            member.PendingSync?.TrySetResult(SyncGroupResult.Failed(ErrorCode.RebalanceInProgress));
            var sync = new TaskCompletionSource<SyncGroupResult>(TaskCreationOptions.RunContinuationsAsynchronously);
            member.PendingSync = sync;
            if (memberId == group.LeaderId)
            {
                foreach (var m in group.Members.Values)
                {
                    m.Assignment = assignments.GetValueOrDefault(m.MemberId) ?? [];
                }

                group.State = GroupState.Stable;
                foreach (var m in group.Members.Values)
                {
                    var pending = m.PendingSync;
                    m.PendingSync = null;
                    pending?.TrySetResult(new SyncGroupResult(ErrorCode.None, m.Assignment));
                }
            }

            return sync.Task;
        }
    }

    public ErrorCode Heartbeat(string groupId, int generationId, string memberId)
    {
        lock (_lock)
        {
            if (!_groups.TryGetValue(groupId, out var group) || !group.Members.TryGetValue(memberId, out var member))
            {
                return ErrorCode.UnknownMemberId;
            }

            if (generationId != group.GenerationId)
            {
                return ErrorCode.IllegalGeneration;
            }

            member.LastSeenMs = NowMs;
            return group.State == GroupState.PreparingRebalance ? ErrorCode.RebalanceInProgress : ErrorCode.None;
        }
    }

    public ErrorCode Leave(string groupId, string memberId)
    {
        lock (_lock)
        {
            if (!_groups.TryGetValue(groupId, out var group) || !group.Members.TryGetValue(memberId, out var member))
            {
                return ErrorCode.UnknownMemberId;
            }

            RemoveMember(group, member, NowMs, "left the group");
            return ErrorCode.None;
        }
    }

    private void RemoveMember(ConsumerGroup group, GroupMember member, long now, string reason)
    {
        member.PendingJoin?.TrySetResult(JoinGroupResult.Failed(ErrorCode.UnknownMemberId, member.MemberId));
        member.PendingSync?.TrySetResult(SyncGroupResult.Failed(ErrorCode.UnknownMemberId));
        group.Members.Remove(member.MemberId);
        string why = $"member {member.MemberId} {reason}";
        if (group.State is GroupState.Stable or GroupState.CompletingRebalance)
        {
            PrepareRebalance(group, now, why);
        }
        else
        {
            _logger.LogInformation("Group {Group}: {Reason}", group.GroupId, why);
        }

        TryCompleteJoin(group, now);
    }

    /// <summary>
    /// Checks that an OffsetCommit may be stored: a generation below zero commits for a group without members
    /// (manual assignment); otherwise the member must belong to the current generation.
    /// </summary>
    public ErrorCode ValidateCommit(string groupId, int generationId, string memberId)
    {
        lock (_lock)
        {
            if (string.IsNullOrEmpty(groupId))
            {
                return ErrorCode.InvalidGroupId;
            }

            if (!_groups.TryGetValue(groupId, out var group))
            {
                if (generationId >= 0)
                {
                    return ErrorCode.IllegalGeneration;
                }

                group = GetOrCreate(groupId);
            }

            if (generationId < 0 && group.State == GroupState.Empty)
            {
                return ErrorCode.None;
            }

            if (group.State == GroupState.CompletingRebalance)
            {
                return ErrorCode.RebalanceInProgress;
            }

            if (!group.Members.TryGetValue(memberId, out var member))
            {
                return ErrorCode.UnknownMemberId;
            }

            if (generationId != group.GenerationId)
            {
                return ErrorCode.IllegalGeneration;
            }

            member.LastSeenMs = NowMs;
            return ErrorCode.None;
        }
    }

    /// <summary>Advances time: expires sessions and unused member ids, and ends rebalances that timed out.</summary>
    public void Tick()
    {
        lock (_lock)
        {
            long now = NowMs;
            foreach (var group in _groups.Values)
            {
                foreach (var (id, expiry) in group.PendingMemberIds.ToList())
                {
                    if (now >= expiry)
                    {
                        group.PendingMemberIds.Remove(id);
                    }
                }

                foreach (var member in group.Members.Values.ToList())
                {
                    bool waiting = member.PendingJoin is not null || member.PendingSync is not null;
                    if (!waiting && now - member.LastSeenMs > member.SessionTimeoutMs)
                    {
                        RemoveMember(group, member, now, $"session timed out after {member.SessionTimeoutMs} ms");
                    }
                }

                TryCompleteJoin(group, now);
            }
        }
    }

    private ConsumerGroup GetOrCreate(string groupId)
    {
        if (!_groups.TryGetValue(groupId, out var group))
        {
            group = new ConsumerGroup(groupId);
            _groups[groupId] = group;
        }

        return group;
    }

    public GroupDescription Describe(string groupId)
    {
        lock (_lock)
        {
            if (!_groups.TryGetValue(groupId, out var group))
            {
                var state = _offsets.GetAll(groupId).Count > 0 ? GroupState.Empty : GroupState.Dead;
                return new GroupDescription(groupId, state, 0, "", "", null, []);
            }

            return Snapshot(group);
        }
    }

    /// <summary>Every group with members or committed offsets.</summary>
    public IReadOnlyList<GroupDescription> List()
    {
        lock (_lock)
        {
            var result = _groups.Values.Select(Snapshot).ToList();
            foreach (string groupId in _offsets.Groups)
            {
                if (!_groups.ContainsKey(groupId))
                {
                    result.Add(new GroupDescription(groupId, GroupState.Empty, 0, "", "", null, []));
                }
            }

            return result;
        }
    }

    private static GroupDescription Snapshot(ConsumerGroup group)
    {
        string protocol = group.State == GroupState.Stable || group.State == GroupState.CompletingRebalance
            ? group.ProtocolName ?? ""
            : "";
        return new GroupDescription(
            group.GroupId,
            group.State,
            group.GenerationId,
            group.ProtocolType,
            protocol,
            group.LeaderId,
            [.. group.MembersInJoinOrder.Select(m => new GroupMemberDescription(
                m.MemberId, m.GroupInstanceId, m.ClientId, m.ClientHost,
                protocol.Length == 0 ? [] : m.MetadataFor(protocol),
                group.State == GroupState.Stable ? m.Assignment : []))]);
    }
}
