using System.Collections.Concurrent;
using System.Globalization;
using Confluent.Kafka;
using EmbeddedKafka.Tests.Support;

namespace EmbeddedKafka.Tests.Durability;

public sealed class KillTests
{
    /// <summary>
    /// The broker runs as `heuristics-bench broker`; a producer with acks=all writes as fast as it can and
    /// the broker is killed with SIGKILL mid-stream. After a restart on the same data directory every
    /// acknowledged record is there, at the offset it was acknowledged with, and so is the committed offset.
    /// </summary>
    [Fact]
    public async Task Acknowledged_records_and_commits_survive_kill_minus_9()
    {
        using var dir = new TempDirectory();
        var acknowledged = new ConcurrentDictionary<(int Partition, long Offset), string>();
        using (var broker = await BrokerProcess.StartAsync(dir.Path, "--partitions", "4"))
        {
            var consumerConfig = new ConsumerConfig { BootstrapServers = broker.BootstrapServers, GroupId = "survivor", EnableAutoCommit = false };
            var config = new ProducerConfig
            {
                BootstrapServers = broker.BootstrapServers,
                Acks = Acks.All,
                LingerMs = 1,
                MessageTimeoutMs = 3000,
                SocketTimeoutMs = 3000,
            };
            // After the kill the client logs every refused reconnect; the test does not need to see them.
            using var producer = new ProducerBuilder<string, string>(config)
                .SetLogHandler((_, _) => { })
                .SetErrorHandler((_, _) => { })
                .Build();
            using var stop = new CancellationTokenSource();
            var writer = Task.Factory.StartNew(() =>
            {
                for (int i = 0; !stop.IsCancellationRequested; i++)
                {
                    string value = i.ToString(CultureInfo.InvariantCulture);
                    try
                    {
                        producer.Produce("crash", new Message<string, string> { Key = $"k{i % 50}", Value = value }, r =>
                        {
                            if (!r.Error.IsError && r.Status == PersistenceStatus.Persisted)
                            {
                                acknowledged[(r.Partition.Value, r.Offset.Value)] = value;
                            }
                        });
                    }
                    catch (ProduceException<string, string> e) when (e.Error.Code == ErrorCode.Local_QueueFull)
                    {
                        producer.Poll(TimeSpan.FromMilliseconds(10));
                    }
                }
            }, TaskCreationOptions.LongRunning);

            await Eventually.WaitAsync(() => acknowledged.Count >= 20_000, "20000 acknowledged records");
            using (var consumer = new ConsumerBuilder<Null, string>(consumerConfig).Build())
            {
                consumer.Commit([new TopicPartitionOffset("crash", 1, 1234)]);
            }

            await Eventually.WaitAsync(() => acknowledged.Count >= 40_000, "40000 acknowledged records");
            broker.KillHard();
            await stop.CancelAsync();
            await writer;
            producer.Flush(TimeSpan.FromSeconds(10)); // the rest fail: the broker is gone
        }

        Assert.True(acknowledged.Count >= 40_000);
        using var restarted = await BrokerProcess.StartAsync(dir.Path);
        var records = ClientHelpers.ReadAll<string, string>(restarted.BootstrapServers, "crash", 4)
            .ToDictionary(r => (r.Partition.Value, r.Offset.Value), r => r.Message.Value);
        foreach (var ((partition, offset), value) in acknowledged)
        {
            Assert.True(records.TryGetValue((partition, offset), out string? stored), $"acknowledged {partition}/{offset} lost");
            Assert.Equal(value, stored);
        }

        var check = new ConsumerConfig { BootstrapServers = restarted.BootstrapServers, GroupId = "survivor" };
        using (var consumer = new ConsumerBuilder<Null, string>(check).Build())
        {
            var committed = consumer.Committed([new Confluent.Kafka.TopicPartition("crash", 1)], TimeSpan.FromSeconds(30));
            Assert.Equal(1234, Assert.Single(committed).Offset.Value);
        }

        long end = records.Keys.Where(k => k.Item1 == 0).Select(k => k.Item2).DefaultIfEmpty(-1).Max() + 1;
        using var after = new ProducerBuilder<Null, string>(new ProducerConfig { BootstrapServers = restarted.BootstrapServers, Acks = Acks.All }).Build();
        var appended = await after.ProduceAsync(new Confluent.Kafka.TopicPartition("crash", 0), new Message<Null, string> { Value = "after" }, TestContext.Current.CancellationToken);
        Assert.Equal(end, appended.Offset.Value);
        Assert.Equal(0, await restarted.StopAsync());
        Assert.Contains("Broker stopped", restarted.Log, StringComparison.Ordinal);
    }
}
