using System.Collections.Concurrent;
using Confluent.Kafka;
using EmbeddedKafka.Storage;
using EmbeddedKafka.Tests.Support;
using TopicPartition = EmbeddedKafka.Storage.TopicPartition;

namespace EmbeddedKafka.Tests.Clients;

public sealed class ConsumerGroupTests
{
    private static async Task ProduceAsync(string bootstrap, string topic, int from, int count)
    {
        var config = new ProducerConfig { BootstrapServers = bootstrap, Acks = Acks.All, LingerMs = 5 };
        using var producer = new ProducerBuilder<string, string>(config).Build();
        for (int i = from; i < from + count; i++)
        {
            producer.Produce(topic, new Message<string, string> { Key = $"key-{i % 97}", Value = i.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        }

        Assert.Equal(0, producer.Flush(TimeSpan.FromSeconds(60)));
        await Task.CompletedTask;
    }

    [Fact]
    public async Task Group_of_three_loses_a_member_and_every_message_is_consumed_once_with_committed_offsets()
    {
        await using var broker = BrokerFixture.Start();
        Assert.Equal(EmbeddedKafka.Protocol.ErrorCode.None, broker.Topics.Create("orders", new TopicConfig { Partitions = 6 }));
        var consumed = new ConcurrentDictionary<(int, long), string>();
        var duplicates = new ConcurrentBag<(int, long)>();
        var members = Enumerable.Range(1, 3)
            .Select(i => new GroupMemberRunner(broker.BootstrapServers, "g3", "orders", $"member-{i}", consumed, duplicates))
            .ToList();
        try
        {
            members.ForEach(m => m.Start());
            await Eventually.WaitAsync(() => members.All(m => m.Assignment.Count == 2), "three members with two partitions each");

            await ProduceAsync(broker.BootstrapServers, "orders", 0, 6000);
            await Eventually.WaitAsync(() => consumed.Count == 6000, "first 6000 messages consumed and committed");

            // Kill member-2: it stops dead (no commits, no leave) and the broker sees no more of it.
            var victim = members[1];
            var orphaned = victim.Assignment.ToList();
            await victim.StopAsync();
            broker.BlockClient(victim.ClientId);

            await ProduceAsync(broker.BootstrapServers, "orders", 6000, 6000);
            await Eventually.WaitAsync(() => consumed.Count == 12000, "all 12000 messages consumed and committed after the rebalance");

            Assert.Empty(duplicates);
            Assert.Equal(3, members[0].Assignment.Count);
            Assert.Equal(3, members[2].Assignment.Count);
            Assert.Equal(orphaned.Order(), members[0].Assignment.Concat(members[2].Assignment).Intersect(orphaned).Order());
            Assert.Contains(consumed, e => orphaned.Contains(e.Key.Item1) && e.Key.Item2 >= 1000 && e.Value != victim.ClientId);
            foreach (var log in broker.Topics.Get("orders")!.Partitions)
            {
                var committed = broker.CommittedOffsets.Get("g3", new TopicPartition("orders", log.Partition));
                Assert.Equal(log.LogEndOffset, committed?.Offset);
            }

            var description = broker.Groups.Describe("g3");
            Assert.Equal(EmbeddedKafka.Groups.GroupState.Stable, description.State);
            Assert.Equal(2, description.Members.Count);
            Assert.DoesNotContain(description.Members, m => m.ClientId == victim.ClientId);
        }
        finally
        {
            foreach (var member in members)
            {
                broker.UnblockClient(member.ClientId);
                member.Dispose();
            }
        }
    }
}
