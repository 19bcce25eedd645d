using HeuristicsBench.KafkaStreams.Tests.Support;

namespace HeuristicsBench.KafkaStreams.Tests;

public sealed class RebalanceTests
{
    [Fact]
    public async Task Two_sources_split_the_partitions_and_the_one_left_gets_them_all_back_when_the_other_stops()
    {
        await using var context = KafkaTestContext.Start();
        context.CreateTopic("shared", 4);
        await context.ProduceAsync("shared", 200);

        var a = new EventCollector(context, context.ConsumerSettings("pair", "shared", "member-a", maxBatchSize: 16));
        await Eventually.WaitAsync(() => a.Owned.Count == 4, "a alone owns all four partitions");
        var b = new EventCollector(context, context.ConsumerSettings("pair", "shared", "member-b", maxBatchSize: 16));
        await Eventually.WaitAsync(() => a.Owned.Count == 2 && b.Owned.Count == 2, "a and b own two partitions each");
        Assert.Empty(a.Owned.Intersect(b.Owned));
        int revokedBefore = a.Events.OfType<PartitionsRevoked>().Count();
        Assert.True(revokedBefore >= 1, "a had its partitions revoked when b joined");

        await context.ProduceAsync("shared", 200);
        await Eventually.WaitAsync(() => a.Records.Count + b.Records.Count >= 400, "records of the second round");

        // b stops: its consumer closes and leaves the group (sessions are 60 s, so only a LeaveGroup removes it now)
        b.Control.Stop();
        await b.Control.Completion;
        await Eventually.WaitAsync(
            () => context.Broker.Groups.Describe("pair").Members.All(m => m.ClientId != "member-b"),
            "b left the group",
            limitSeconds: 30);
        await Eventually.WaitAsync(() => a.Owned.Count == 4, "a owns all four partitions again", limitSeconds: 30);

        // a saw Revoked and then Assigned for the second rebalance, in that order
        var lifecycle = a.Events.Where(e => e is PartitionsAssigned or PartitionsRevoked).ToList();
        Assert.IsType<PartitionsAssigned>(lifecycle[^1]);
        Assert.Equal(4, ((PartitionsAssigned)lifecycle[^1]).Partitions.Count);
        Assert.IsType<PartitionsRevoked>(lifecycle[^2]);

        await context.ProduceAsync("shared", 200);
        // nothing was committed, so a re-reads b's former partitions from the start and ends up with every record
        await Eventually.WaitAsync(() => a.Records.Select(r => (r.Partition, r.Offset)).Distinct().Count() == 600, "every record at a");
        a.AssertRecordsFollowAssignment();
        b.AssertRecordsFollowAssignment();
        a.Control.Stop();
        await a.Control.Completion;
    }
}
