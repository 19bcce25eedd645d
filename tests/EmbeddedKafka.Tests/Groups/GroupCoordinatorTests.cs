using EmbeddedKafka.Groups;
using EmbeddedKafka.Protocol;
using EmbeddedKafka.Storage;
using EmbeddedKafka.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace EmbeddedKafka.Tests.Groups;

public sealed class GroupCoordinatorTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly CommittedOffsetStore _offsets;
    private readonly ManualTimeProvider _time = new();
    private readonly GroupCoordinator _coordinator;

    public GroupCoordinatorTests()
    {
        _offsets = new CommittedOffsetStore(Path.Combine(_dir.Path, "o.log"), false, NullLogger.Instance);
        _coordinator = new GroupCoordinator(
            new GroupCoordinatorOptions { MinSessionTimeoutMs = 1000, InitialRebalanceDelayMs = 0 },
            _offsets, _time, NullLogger.Instance);
    }

    public void Dispose()
    {
        _offsets.Dispose();
        _dir.Dispose();
    }

    private static JoinGroupRequest Join(string memberId, bool requireKnown = true, string protocol = "range", int session = 10_000) =>
        new("g", session, 30_000, memberId, null, "consumer", [new GroupProtocol(protocol, [1, 2, 3])], requireKnown, "client", "127.0.0.1");

    /// <summary>KIP-394: first join gets MEMBER_ID_REQUIRED and an id, the second join uses it.</summary>
    private async Task<(string MemberId, Task<JoinGroupResult> Join)> StartJoinAsync()
    {
        var first = await _coordinator.JoinAsync(Join(""));
        Assert.Equal(ErrorCode.MemberIdRequired, first.Error);
        Assert.NotEmpty(first.MemberId);
        return (first.MemberId, _coordinator.JoinAsync(Join(first.MemberId)));
    }

    private static Dictionary<string, byte[]> Assign(params string[] members) =>
        members.Select((m, i) => (m, i)).ToDictionary(x => x.m, x => new[] { (byte)x.i });

    [Fact]
    public async Task Single_member_joins_syncs_and_heartbeats()
    {
        var (id, join) = await StartJoinAsync();
        var joined = await join;
        Assert.Equal((ErrorCode.None, 1, "range", id), (joined.Error, joined.GenerationId, joined.ProtocolName, joined.LeaderId));
        Assert.Single(joined.Members);
        var sync = await _coordinator.SyncAsync("g", 1, id, Assign(id));
        Assert.Equal(ErrorCode.None, sync.Error);
        Assert.Equal([0], sync.Assignment);
        Assert.Equal(ErrorCode.None, _coordinator.Heartbeat("g", 1, id));
        Assert.Equal(GroupState.Stable, _coordinator.Describe("g").State);
    }

    [Fact]
    public async Task Second_member_triggers_a_rebalance_and_the_old_generation_is_fenced()
    {
        var (a, joinA) = await StartJoinAsync();
        await joinA;
        await _coordinator.SyncAsync("g", 1, a, Assign(a));

        var (b, joinB) = await StartJoinAsync();
        Assert.False(joinB.IsCompleted, "b must wait until a rejoins");
        Assert.Equal(ErrorCode.RebalanceInProgress, _coordinator.Heartbeat("g", 1, a));
        var rejoinA = _coordinator.JoinAsync(Join(a));
        var (ra, rb) = (await rejoinA, await joinB);
        Assert.Equal(2, ra.GenerationId);
        Assert.Equal(a, ra.LeaderId);
        Assert.Equal(2, ra.Members.Count);
        Assert.Empty(rb.Members);

        var syncB = _coordinator.SyncAsync("g", 2, b, new Dictionary<string, byte[]>());
        Assert.False(syncB.IsCompleted, "followers wait for the leader's assignment");
        var syncA = await _coordinator.SyncAsync("g", 2, a, Assign(a, b));
        Assert.Equal([0], syncA.Assignment);
        Assert.Equal([1], (await syncB).Assignment);

        Assert.Equal(ErrorCode.IllegalGeneration, _coordinator.Heartbeat("g", 1, a));
        Assert.Equal(ErrorCode.IllegalGeneration, _coordinator.ValidateCommit("g", 1, a));
        Assert.Equal(ErrorCode.None, _coordinator.ValidateCommit("g", 2, b));
        Assert.Equal(ErrorCode.UnknownMemberId, _coordinator.Heartbeat("g", 2, "stranger"));
    }

    [Fact]
    public async Task Member_whose_session_expires_is_removed_and_the_rest_rebalance()
    {
        var (a, joinA) = await StartJoinAsync();
        await joinA;
        var (b, joinB) = await StartJoinAsync();
        var rejoinA = _coordinator.JoinAsync(Join(a));
        await joinB;
        await rejoinA;
        var syncB = _coordinator.SyncAsync("g", 2, b, new Dictionary<string, byte[]>());
        await _coordinator.SyncAsync("g", 2, a, Assign(a, b));
        await syncB;

        // a keeps heartbeating, b goes silent past its 10 s session.
        for (int i = 0; i < 12; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            Assert.NotEqual(ErrorCode.UnknownMemberId, _coordinator.Heartbeat("g", 2, a));
            _coordinator.Tick();
        }

        Assert.Equal(ErrorCode.UnknownMemberId, _coordinator.Heartbeat("g", 2, b));
        Assert.Equal(ErrorCode.RebalanceInProgress, _coordinator.Heartbeat("g", 2, a));
        var rejoined = await _coordinator.JoinAsync(Join(a));
        Assert.Equal(3, rejoined.GenerationId);
        Assert.Equal([a], rejoined.Members.Select(m => m.MemberId));
    }

    [Fact]
    public async Task Member_that_does_not_rejoin_within_the_rebalance_timeout_is_dropped()
    {
        var (a, joinA) = await StartJoinAsync();
        await joinA;
        await _coordinator.SyncAsync("g", 1, a, Assign(a));
        var (_, joinB) = await StartJoinAsync();
        _time.Advance(TimeSpan.FromSeconds(31));
        _coordinator.Tick();
        var result = await joinB;
        Assert.Equal(ErrorCode.None, result.Error);
        Assert.Equal(2, result.GenerationId);
        Assert.Single(result.Members);
        Assert.Equal(ErrorCode.UnknownMemberId, _coordinator.Heartbeat("g", 2, a));
    }

    [Fact]
    public async Task Leave_empties_the_group_and_allows_simple_commits_again()
    {
        var (a, joinA) = await StartJoinAsync();
        await joinA;
        await _coordinator.SyncAsync("g", 1, a, Assign(a));
        Assert.Equal(ErrorCode.UnknownMemberId, _coordinator.ValidateCommit("g", -1, ""));
        Assert.Equal(ErrorCode.None, _coordinator.Leave("g", a));
        Assert.Equal(GroupState.Empty, _coordinator.Describe("g").State);
        Assert.Equal(ErrorCode.None, _coordinator.ValidateCommit("g", -1, ""));
    }

    [Fact]
    public async Task Session_timeout_outside_the_broker_range_and_mismatched_protocols_are_refused()
    {
        Assert.Equal(ErrorCode.InvalidSessionTimeout, (await _coordinator.JoinAsync(Join("", session: 10))).Error);
        var (_, joinA) = await StartJoinAsync();
        await joinA;
        var other = await _coordinator.JoinAsync(Join("", requireKnown: false, protocol: "roundrobin"));
        Assert.Equal(ErrorCode.InconsistentGroupProtocol, other.Error);
    }

    [Fact]
    public async Task Unused_member_id_expires_and_cannot_be_used_later()
    {
        var first = await _coordinator.JoinAsync(Join(""));
        _time.Advance(TimeSpan.FromSeconds(11));
        _coordinator.Tick();
        Assert.Equal(ErrorCode.UnknownMemberId, (await _coordinator.JoinAsync(Join(first.MemberId))).Error);
    }
}
