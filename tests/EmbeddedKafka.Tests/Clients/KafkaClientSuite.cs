using Confluent.Kafka;
using Confluent.Kafka.Admin;
using EmbeddedKafka.Tests.Support;

namespace EmbeddedKafka.Tests.Clients;

/// <summary>
/// Client-visible behaviour checked only through Confluent.Kafka, so the same tests run against the embedded
/// broker and against real Apache Kafka (<see cref="ApacheKafkaClientSuite"/>, when Docker is reachable).
/// Topics are created through the admin client, never by auto-creation.
/// </summary>
public abstract class KafkaClientSuite
{
    protected abstract string BootstrapServers { get; }

    protected virtual int VolumeMessages => 1_000_000;

    private async Task CreateTopicAsync(string name, int partitions, Dictionary<string, string>? configs = null)
    {
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = BootstrapServers }).Build();
        await admin.CreateTopicsAsync([new TopicSpecification { Name = name, NumPartitions = partitions, ReplicationFactor = 1, Configs = configs }]);
    }

    private static string Unique(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>
    /// The volume test: keyed messages over 8 partitions, acks=all; every message comes back exactly
    /// once and each key's messages in the order they were produced. 1 M, with 4-byte keys and values.
    /// </summary>
    [Fact]
    public async Task Keyed_messages_over_8_partitions_no_loss_no_duplicate_per_key_order()
    {
        const int Keys = 1000;
        int messages = VolumeMessages;
        string topic = Unique("volume");
        // 1 MiB segments (the smallest real Kafka accepts) so every partition rolls a few times: reads must
        // cross segment boundaries and stop inside segments.
        await CreateTopicAsync(topic, 8, new() { ["segment.bytes"] = "1048576" });
        var config = new ProducerConfig
        {
            BootstrapServers = BootstrapServers,
            Acks = Acks.All,
            LingerMs = 10,
            BatchSize = 200_000,
            QueueBufferingMaxMessages = 2_000_000,
        };
        int failed = 0;
        using (var producer = new ProducerBuilder<int, int>(config).SetKeySerializer(IntSerializer.Instance).SetValueSerializer(IntSerializer.Instance).Build())
        {
            var counters = new int[Keys];
            for (int i = 0; i < messages; i++)
            {
                int key = i % Keys;
                producer.Produce(topic, new Message<int, int> { Key = key, Value = counters[key]++ }, r =>
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
        var consumerConfig = new ConsumerConfig
        {
            BootstrapServers = BootstrapServers,
            GroupId = Unique("volume-reader"),
            EnableAutoCommit = false,
            EnablePartitionEof = true,
            FetchQueueBackoffMs = 0,
            MaxPartitionFetchBytes = 300_000, // fetches end inside segments
        };
        using var consumer = new ConsumerBuilder<int, int>(consumerConfig).SetKeyDeserializer(IntSerializer.Instance).SetValueDeserializer(IntSerializer.Instance).Build();
        consumer.Assign(Enumerable.Range(0, 8).Select(p => new TopicPartitionOffset(topic, p, Offset.Beginning)));
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

        Assert.Equal(messages, total);
        Assert.All(next, n => Assert.Equal(messages / Keys, n));
        Assert.Equal(8, partitionOfKey.Distinct().Count());
    }

    [Fact]
    public async Task Admin_creates_and_lists_topics_and_refuses_duplicates()
    {
        string alpha = Unique("alpha");
        string beta = Unique("beta");
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = BootstrapServers }).Build();
        await admin.CreateTopicsAsync(
        [
            new TopicSpecification { Name = alpha, NumPartitions = 4, ReplicationFactor = 1 },
            new TopicSpecification { Name = beta, NumPartitions = 1, ReplicationFactor = 1, Configs = new() { ["retention.ms"] = "60000" } },
        ]);
        await Eventually.WaitAsync(
            () => admin.GetMetadata(TimeSpan.FromSeconds(30)).Topics.Count(t => t.Topic == alpha || t.Topic == beta) == 2,
            "both topics listed");
        var metadata = admin.GetMetadata(TimeSpan.FromSeconds(30));
        Assert.Equal(4, metadata.Topics.Single(t => t.Topic == alpha).Partitions.Count);
        Assert.Single(metadata.Topics.Single(t => t.Topic == beta).Partitions);

        var duplicate = await Assert.ThrowsAsync<CreateTopicsException>(() =>
            admin.CreateTopicsAsync([new TopicSpecification { Name = alpha, NumPartitions = 1, ReplicationFactor = 1 }]));
        Assert.Equal(ErrorCode.TopicAlreadyExists, Assert.Single(duplicate.Results).Error.Code);

        await admin.DeleteTopicsAsync([alpha]);
        await Eventually.WaitAsync(
            () => admin.GetMetadata(TimeSpan.FromSeconds(30)).Topics.All(t => t.Topic != alpha),
            "deleted topic gone from metadata");
    }

    [Fact]
    public async Task Idempotent_producer_writes_every_message_once_in_order()
    {
        string topic = Unique("idem");
        await CreateTopicAsync(topic, 2);
        var config = new ProducerConfig { BootstrapServers = BootstrapServers, EnableIdempotence = true, LingerMs = 2, BatchNumMessages = 100 };
        using (var producer = new ProducerBuilder<string, string>(config).Build())
        {
            for (int i = 0; i < 20_000; i++)
            {
                producer.Produce(new TopicPartition(topic, i % 2), new Message<string, string> { Key = "k", Value = i.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            }

            Assert.Equal(0, producer.Flush(TimeSpan.FromSeconds(60)));
        }

        var values = ClientHelpers.ReadAll<string, string>(BootstrapServers, topic, 2)
            .GroupBy(r => r.Partition.Value)
            .ToDictionary(g => g.Key, g => g.Select(r => int.Parse(r.Message.Value, System.Globalization.CultureInfo.InvariantCulture)).ToList());
        Assert.Equal(Enumerable.Range(0, 10_000).Select(i => 2 * i), values[0]);
        Assert.Equal(Enumerable.Range(0, 10_000).Select(i => (2 * i) + 1), values[1]);
    }

    [Fact]
    public async Task Oversized_batch_is_rejected_with_message_too_large_while_other_traffic_flows()
    {
        string topic = Unique("shared");
        await CreateTopicAsync(topic, 1);
        var bigConfig = new ProducerConfig
        {
            BootstrapServers = BootstrapServers,
            Acks = Acks.All,
            MessageMaxBytes = 4_000_000, // let the client send it, so the broker has to refuse it
            MessageSendMaxRetries = 0,
        };
        var smallConfig = new ProducerConfig { BootstrapServers = BootstrapServers, Acks = Acks.All, LingerMs = 1 };
        using var big = new ProducerBuilder<Null, byte[]>(bigConfig).Build();
        using var small = new ProducerBuilder<Null, string>(smallConfig).Build();
        int smallFailures = 0;
        for (int i = 0; i < 2000; i++)
        {
            small.Produce(topic, new Message<Null, string> { Value = $"s{i}" }, r =>
            {
                if (r.Error.IsError)
                {
                    Interlocked.Increment(ref smallFailures);
                }
            });
        }

        var error = await Assert.ThrowsAsync<ProduceException<Null, byte[]>>(() =>
            big.ProduceAsync(topic, new Message<Null, byte[]> { Value = new byte[1_500_000] }, TestContext.Current.CancellationToken));
        Assert.Equal(ErrorCode.MsgSizeTooLarge, error.Error.Code);
        Assert.False(error.Error.IsLocalError);

        var fits = await big.ProduceAsync(topic, new Message<Null, byte[]> { Value = new byte[900_000] }, TestContext.Current.CancellationToken);
        Assert.Equal(PersistenceStatus.Persisted, fits.Status);
        Assert.Equal(0, small.Flush(TimeSpan.FromSeconds(30)));
        Assert.Equal(0, smallFailures);
        Assert.Equal(2001, ClientHelpers.ReadAll<Null, byte[]>(BootstrapServers, topic, 1).Count);
    }

    private async Task ProduceRoundRobinAsync(string topic, int from, int count)
    {
        using var producer = new ProducerBuilder<Null, string>(new ProducerConfig { BootstrapServers = BootstrapServers, Acks = Acks.All }).Build();
        for (int i = from; i < from + count; i++)
        {
            producer.Produce(new TopicPartition(topic, i % 4), new Message<Null, string> { Value = i.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        }

        Assert.Equal(0, producer.Flush(TimeSpan.FromSeconds(30)));
        await Task.CompletedTask;
    }

    [Fact]
    public async Task Group_member_that_leaves_hands_its_partitions_over_and_commits_resume_where_it_stopped()
    {
        string topic = Unique("handover");
        string group = Unique("g");
        await CreateTopicAsync(topic, 4);
        var consumed = new System.Collections.Concurrent.ConcurrentDictionary<(int, long), string>();
        var duplicates = new System.Collections.Concurrent.ConcurrentBag<(int, long)>();
        using var stays = new GroupMemberRunner(BootstrapServers, group, topic, "stays", consumed, duplicates);
        var leaves = new GroupMemberRunner(BootstrapServers, group, topic, "leaves", consumed, duplicates);
        stays.Start();
        leaves.Start();
        await Eventually.WaitAsync(() => stays.Assignment.Count == 2 && leaves.Assignment.Count == 2, "two members with two partitions each");
        await ProduceRoundRobinAsync(topic, 0, 4000);
        await Eventually.WaitAsync(() => consumed.Count == 4000, "first 4000 messages consumed and committed");
        Assert.Contains(consumed.Values, v => v == "leaves");

        leaves.Dispose(); // graceful close: LeaveGroup, then the survivor takes over
        await Eventually.WaitAsync(() => stays.Assignment.Count == 4, "survivor owns all four partitions");
        await ProduceRoundRobinAsync(topic, 4000, 4000);
        await Eventually.WaitAsync(() => consumed.Count == 8000, "all messages consumed and committed");
        Assert.Empty(duplicates);
        Assert.Equal(4000, consumed.Count(e => e.Key.Item2 >= 1000));
        Assert.All(consumed.Where(e => e.Key.Item2 >= 1000), e => Assert.Equal("stays", e.Value));

        using var check = new ConsumerBuilder<Null, string>(new ConsumerConfig { BootstrapServers = BootstrapServers, GroupId = group }).Build();
        var committed = check.Committed(Enumerable.Range(0, 4).Select(p => new TopicPartition(topic, p)), TimeSpan.FromSeconds(30));
        Assert.All(committed, c => Assert.Equal(2000, c.Offset.Value));
    }
}
