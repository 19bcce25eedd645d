using Confluent.Kafka;
using Confluent.Kafka.Admin;
using EmbeddedKafka.Tests.Support;

namespace EmbeddedKafka.Tests.Clients;

public sealed class AdminTests
{
    [Fact]
    public async Task Admin_creates_lists_and_deletes_topics()
    {
        await using var broker = BrokerFixture.Start(o => o with { AutoCreateTopics = false });
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = broker.BootstrapServers }).Build();
        await admin.CreateTopicsAsync(
        [
            new TopicSpecification { Name = "alpha", NumPartitions = 4, ReplicationFactor = 1 },
            new TopicSpecification { Name = "beta", NumPartitions = 1, Configs = new() { ["message.timestamp.type"] = "LogAppendTime", ["retention.ms"] = "60000" } },
        ]);

        var metadata = admin.GetMetadata(TimeSpan.FromSeconds(30));
        Assert.Equal(["alpha", "beta"], metadata.Topics.Select(t => t.Topic).Order());
        Assert.Equal(4, metadata.Topics.Single(t => t.Topic == "alpha").Partitions.Count);
        Assert.All(metadata.Topics.SelectMany(t => t.Partitions), p => Assert.Equal(0, p.Leader));
        Assert.Equal(EmbeddedKafka.Protocol.TimestampType.LogAppendTime, broker.Topics.Get("beta")!.Config.TimestampType);
        Assert.Equal(60000, broker.Topics.Get("beta")!.Config.RetentionMs);

        var duplicate = await Assert.ThrowsAsync<CreateTopicsException>(() =>
            admin.CreateTopicsAsync([new TopicSpecification { Name = "alpha", NumPartitions = 1 }]));
        Assert.Equal(ErrorCode.TopicAlreadyExists, Assert.Single(duplicate.Results).Error.Code);
        var replicated = await Assert.ThrowsAsync<CreateTopicsException>(() =>
            admin.CreateTopicsAsync([new TopicSpecification { Name = "gamma", NumPartitions = 1, ReplicationFactor = 3 }]));
        Assert.Equal(ErrorCode.InvalidReplicationFactor, Assert.Single(replicated.Results).Error.Code);
        var badName = await Assert.ThrowsAsync<CreateTopicsException>(() =>
            admin.CreateTopicsAsync([new TopicSpecification { Name = "no spaces", NumPartitions = 1 }]));
        Assert.Equal(ErrorCode.TopicException, Assert.Single(badName.Results).Error.Code);

        await admin.DeleteTopicsAsync(["alpha"]);
        Assert.Equal(["beta"], admin.GetMetadata(TimeSpan.FromSeconds(30)).Topics.Select(t => t.Topic));
        Assert.False(Directory.Exists(Path.Combine(broker.DataDirectory, "alpha-0")));
    }

    [Fact]
    public async Task Admin_lists_and_describes_consumer_groups()
    {
        await using var broker = BrokerFixture.Start();
        var config = new ConsumerConfig
        {
            BootstrapServers = broker.BootstrapServers,
            GroupId = "described",
            ClientId = "the-member",
            SessionTimeoutMs = 6000,
            AutoOffsetReset = AutoOffsetReset.Earliest,
        };
        using var consumer = new ConsumerBuilder<Ignore, Ignore>(config).Build();
        using (var producer = new ProducerBuilder<Null, string>(new ProducerConfig { BootstrapServers = broker.BootstrapServers }).Build())
        {
            await producer.ProduceAsync("watched", new Message<Null, string> { Value = "x" }, TestContext.Current.CancellationToken);
        }

        consumer.Subscribe("watched");
        await Eventually.WaitAsync(() => { consumer.Consume(TimeSpan.FromMilliseconds(50)); return consumer.Assignment.Count == 1; }, "assignment");

        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = broker.BootstrapServers }).Build();
        var listed = await admin.ListConsumerGroupsAsync();
        var group = Assert.Single(listed.Valid, g => g.GroupId == "described");
        Assert.True(group.IsSimpleConsumerGroup is false);
        Assert.Equal(ConsumerGroupState.Unknown, group.State); // states need ListGroups v4, a flexible version

        var described = await admin.DescribeConsumerGroupsAsync(["described"]);
        var description = Assert.Single(described.ConsumerGroupDescriptions);
        Assert.Equal(ConsumerGroupState.Stable, description.State);
        Assert.Equal("range", description.PartitionAssignor);
        var member = Assert.Single(description.Members);
        Assert.Equal("the-member", member.ClientId);
        Assert.Equal(new TopicPartition("watched", 0), Assert.Single(member.Assignment.TopicPartitions));
        consumer.Close();
    }
}
