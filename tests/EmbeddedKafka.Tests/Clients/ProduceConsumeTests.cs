using System.Buffers.Binary;
using Confluent.Kafka;
using EmbeddedKafka.Tests.Support;

namespace EmbeddedKafka.Tests.Clients;

public sealed class ProduceConsumeTests
{
    [Fact]
    public async Task Confluent_producer_acks_all_then_assigned_consumer_reads_everything_in_order()
    {
        await using var broker = BrokerFixture.Start(o => o with { DefaultPartitions = 3 });
        var config = new ProducerConfig { BootstrapServers = broker.BootstrapServers, Acks = Acks.All, LingerMs = 5 };
        using (var producer = new ProducerBuilder<string, string>(config).Build())
        {
            for (int i = 0; i < 1000; i++)
            {
                producer.Produce("smoke", new Message<string, string> { Key = $"k{i % 10}", Value = $"v{i}" });
            }

            Assert.Equal(0, producer.Flush(TimeSpan.FromSeconds(30)));
        }

        var seen = new Dictionary<string, List<int>>();
        foreach (var result in ClientHelpers.ReadAll<string, string>(broker.BootstrapServers, "smoke", 3))
        {
            int n = int.Parse(result.Message.Value[1..], System.Globalization.CultureInfo.InvariantCulture);
            (seen.TryGetValue(result.Message.Key, out var list) ? list : seen[result.Message.Key] = []).Add(n);
        }

        Assert.Equal(1000, seen.Values.Sum(l => l.Count));
        foreach (var (key, values) in seen)
        {
            Assert.Equal(values.Order(), values);
            Assert.All(values, v => Assert.Equal(key, $"k{v % 10}"));
        }
    }

    /// <summary>
    /// The volume test: keyed messages over 8 partitions, acks=all; every message comes back exactly
    /// once and each key's messages in the order they were produced. 1 M in CI (small messages, batched).
    /// </summary>
    [Fact]
    public async Task One_million_keyed_messages_over_8_partitions_no_loss_no_duplicate_per_key_order()
    {
        const int Messages = 1_000_000;
        const int Keys = 1000;
        await using var broker = BrokerFixture.Start();
        using (var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = broker.BootstrapServers }).Build())
        {
            await admin.CreateTopicsAsync([new Confluent.Kafka.Admin.TopicSpecification { Name = "volume", NumPartitions = 8, ReplicationFactor = 1 }]);
        }

        var config = new ProducerConfig
        {
            BootstrapServers = broker.BootstrapServers,
            Acks = Acks.All,
            LingerMs = 10,
            BatchSize = 1_000_000,
            QueueBufferingMaxMessages = 2_000_000,
        };
        int failed = 0;
        using (var producer = new ProducerBuilder<int, int>(config).SetKeySerializer(IntSerializer.Instance).SetValueSerializer(IntSerializer.Instance).Build())
        {
            var counters = new int[Keys];
            for (int i = 0; i < Messages; i++)
            {
                int key = i % Keys;
                producer.Produce("volume", new Message<int, int> { Key = key, Value = counters[key]++ }, r =>
                {
                    if (r.Error.IsError)
                    {
                        Interlocked.Increment(ref failed);
                    }
                });
            }

            Assert.Equal(0, producer.Flush(TimeSpan.FromSeconds(120)));
        }

        Assert.Equal(0, failed);
        var next = new int[Keys];
        int total = 0;
        var config2 = new ConsumerConfig
        {
            BootstrapServers = broker.BootstrapServers,
            GroupId = "volume-reader",
            EnableAutoCommit = false,
            EnablePartitionEof = true,
        };
        using var consumer = new ConsumerBuilder<int, int>(config2).SetKeyDeserializer(IntSerializer.Instance).SetValueDeserializer(IntSerializer.Instance).Build();
        consumer.Assign(Enumerable.Range(0, 8).Select(p => new TopicPartitionOffset("volume", p, Offset.Beginning)));
        var atEnd = new HashSet<int>();
        var partitionOfKey = new int[Keys];
        Array.Fill(partitionOfKey, -1);
        while (atEnd.Count < 8)
        {
            var result = consumer.Consume(TimeSpan.FromSeconds(60)) ?? throw new TimeoutException("stalled");
            if (result.IsPartitionEOF)
            {
                atEnd.Add(result.Partition.Value);
                continue;
            }

            int key = result.Message.Key;
            Assert.Equal(next[key], result.Message.Value); // no gap, no duplicate, no reordering within a key
            next[key]++;
            total++;
            Assert.True(partitionOfKey[key] == -1 || partitionOfKey[key] == result.Partition.Value);
            partitionOfKey[key] = result.Partition.Value;
        }

        Assert.Equal(Messages, total);
        Assert.All(next, n => Assert.Equal(Messages / Keys, n));
        Assert.Equal(8, partitionOfKey.Distinct().Count());
    }

    [Fact]
    public async Task Log_append_time_topic_gives_broker_timestamps_and_offsets_for_times_finds_batches()
    {
        await using var broker = BrokerFixture.Start(o => o with { DefaultTimestampType = EmbeddedKafka.Protocol.TimestampType.LogAppendTime });
        var config = new ProducerConfig { BootstrapServers = broker.BootstrapServers, Acks = Acks.All };
        using var producer = new ProducerBuilder<Null, string>(config).Build();
        var early = new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var delivered = await producer.ProduceAsync("lat", new Message<Null, string> { Value = "x", Timestamp = new Timestamp(early) }, TestContext.Current.CancellationToken);
        Assert.Equal(TimestampType.LogAppendTime, delivered.Timestamp.Type);
        var read = Assert.Single(ClientHelpers.ReadAll<Null, string>(broker.BootstrapServers, "lat", 1));
        Assert.Equal(TimestampType.LogAppendTime, read.Message.Timestamp.Type);
        Assert.True(read.Message.Timestamp.UtcDateTime > early.AddYears(10));

        using var consumer = new ConsumerBuilder<Null, string>(new ConsumerConfig { BootstrapServers = broker.BootstrapServers, GroupId = "t" }).Build();
        var found = consumer.OffsetsForTimes([new TopicPartitionTimestamp("lat", 0, new Timestamp(early))], TimeSpan.FromSeconds(30));
        Assert.Equal(0, Assert.Single(found).Offset.Value);
        var none = consumer.OffsetsForTimes([new TopicPartitionTimestamp("lat", 0, new Timestamp(DateTime.UtcNow.AddDays(1)))], TimeSpan.FromSeconds(30));
        Assert.Equal(Offset.End, Assert.Single(none).Offset);
        var watermarks = consumer.QueryWatermarkOffsets(new TopicPartition("lat", 0), TimeSpan.FromSeconds(30));
        Assert.Equal((0L, 1L), (watermarks.Low.Value, watermarks.High.Value));
    }
}
