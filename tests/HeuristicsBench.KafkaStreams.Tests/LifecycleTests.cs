using Akka.Streams.Dsl;
using Confluent.Kafka;
using HeuristicsBench.KafkaStreams.Tests.Support;

namespace HeuristicsBench.KafkaStreams.Tests;

public sealed class LifecycleTests
{
    [Fact]
    public async Task Downstream_cancellation_closes_the_consumer_and_leaves_the_group()
    {
        await using var context = KafkaTestContext.Start();
        context.CreateTopic("cancel", 2);
        await context.ProduceAsync("cancel", 50);

        var (control, taken) = KafkaConsumerSource.Create(context.ConsumerSettings("cancel-group", "cancel", "cancel-1"))
            .Where(e => e is KafkaRecord)
            .Take(5)
            .ToMaterialized(Sink.Seq<KafkaConsumerEvent>(), Keep.Both)
            .Run(context.Materializer);

        Assert.Equal(5, (await taken).Count);
        await control.Completion;
        await Eventually.WaitAsync(() => context.Broker.Groups.Describe("cancel-group").Members.Count == 0, "the member left", limitSeconds: 30);
    }

    [Fact]
    public async Task A_consumer_that_cannot_be_built_fails_the_stream_and_its_completion()
    {
        await using var context = KafkaTestContext.Start();
        var settings = context.ConsumerSettings("bad-group", "bad", "bad-1");
        settings.Config.Set("no.such.property", "1");

        var (control, run) = KafkaConsumerSource.Create(settings)
            .ToMaterialized(Sink.Ignore<KafkaConsumerEvent>(), Keep.Both)
            .Run(context.Materializer);

        await Assert.ThrowsAnyAsync<Exception>(() => run);
        await Assert.ThrowsAnyAsync<Exception>(() => control.Completion);
    }

    [Fact]
    public void Auto_commit_is_refused()
    {
        var config = new ConsumerConfig { BootstrapServers = "127.0.0.1:1", GroupId = "g", EnableAutoCommit = true };
        Assert.Throws<ArgumentException>(() => new KafkaConsumerSource(new KafkaConsumerSettings(config, ["t"])));
    }

    [Fact]
    public async Task A_member_whose_session_expired_sees_its_partitions_lost_then_assigned_again()
    {
        await using var context = KafkaTestContext.Start();
        context.CreateTopic("fenced", 2);
        var settings = context.ConsumerSettings("fenced-group", "fenced", "fenced-1");
        settings.Config.SessionTimeoutMs = 2000;
        settings.Config.HeartbeatIntervalMs = 200;
        var member = new EventCollector(context, settings);
        await Eventually.WaitAsync(() => member.Owned.Count == 2, "assignment");

        // the broker stops hearing from the member until its session expires and the group drops it
        context.Broker.BlockClient("fenced-1");
        try
        {
            await Eventually.WaitAsync(() => context.Broker.Groups.Describe("fenced-group").Members.Count == 0, "the session expired");
        }
        finally
        {
            context.Broker.UnblockClient("fenced-1");
        }

        await Eventually.WaitAsync(() => member.Events.OfType<PartitionsLost>().Any() && member.Owned.Count == 2, "lost, then assigned again");
        var lifecycle = member.Events.Where(e => e is PartitionsAssigned or PartitionsRevoked or PartitionsLost).ToList();
        Assert.IsType<PartitionsAssigned>(lifecycle[0]);
        Assert.IsType<PartitionsLost>(lifecycle[1]);
        Assert.IsType<PartitionsAssigned>(lifecycle[^1]);
        member.Control.Stop();
        await member.Control.Completion;
    }
}
