using System.Text;
using Confluent.Kafka;
using EmbeddedKafka.Groups;
using EmbeddedKafka.Server;
using TopicConfig = EmbeddedKafka.Storage.TopicConfig;
using TopicPartition = Confluent.Kafka.TopicPartition;
using HeuristicsBench.EventLogs;
using HeuristicsBench.Workloads.Models;
using HeuristicsBench.Workloads.Streams;

namespace HeuristicsBench.Services.Tests.Support;

/// <summary>An in-process broker on 127.0.0.1 (ephemeral port, temporary data directory) and helpers to fill and read topics.</summary>
public sealed class BrokerContext : IAsyncDisposable
{
    private readonly string _dataDirectory;

    private BrokerContext(KafkaBroker broker, string dataDirectory)
    {
        Broker = broker;
        _dataDirectory = dataDirectory;
    }

    public KafkaBroker Broker { get; private set; }

    public string Bootstrap => Broker.BootstrapServers;

    /// <summary>Data in a directory of our own (kept across <see cref="RestartAsync"/>, removed on dispose).</summary>
    public static BrokerContext Start()
    {
        var dir = Path.Combine(Path.GetTempPath(), "hb-services-" + Guid.NewGuid().ToString("N"));
        var broker = new KafkaBroker(Options(port: 0, dataDirectory: dir));
        broker.Start();
        return new BrokerContext(broker, dir);
    }

    private static BrokerOptions Options(int port, string? dataDirectory) => new()
    {
        Listeners = [new ListenerOptions { Port = port }],
        DataDirectory = dataDirectory,
        Groups = new GroupCoordinatorOptions { MinSessionTimeoutMs = 1000, InitialRebalanceDelayMs = 0 },
    };

    public void CreateTopic(string name, int partitions) =>
        Assert.Equal(EmbeddedKafka.Protocol.ErrorCode.None, Broker.Topics.Create(name, new TopicConfig { Partitions = partitions }));

    public IProducer<byte[]?, byte[]?> Producer() =>
        new ProducerBuilder<byte[]?, byte[]?>(new ProducerConfig
        {
            BootstrapServers = Bootstrap,
            Acks = Acks.All,
            EnableIdempotence = true,
            LingerMs = 5,
        }).Build();

    /// <summary>Generated events of the assembly line (seeded), each as (case id, event JSON).</summary>
    public static IEnumerable<StreamEvent> Events(long count, ulong seed = 7, long skip = 0)
    {
        var model = ModelCatalog.Load("assembly-line", seed);
        var generator = new EventStreamGenerator(ModelSchedule.Of(model), new StreamSettings(seed, 50));
        return generator.Generate(skip + count).Skip((int)skip).Select(e => e with { EmittedAt = DateTimeOffset.UtcNow });
    }

    /// <summary>Produces the events keyed by case id and asserts that every one was acknowledged without error.</summary>
    public void Produce(string topic, IEnumerable<StreamEvent> events) =>
        ProduceAll(topic, events.Select(e => new Message<byte[]?, byte[]?> { Key = Encoding.UTF8.GetBytes(e.CaseId), Value = StreamEventJson.ToUtf8(e) }));

    /// <summary>Produces raw values (e.g. invalid events) with the given key, each acknowledged without error.</summary>
    public void ProduceRaw(string topic, string key, params byte[]?[] values) =>
        ProduceAll(topic, values.Select(value => new Message<byte[]?, byte[]?> { Key = Encoding.UTF8.GetBytes(key), Value = value }));

    private void ProduceAll(string topic, IEnumerable<Message<byte[]?, byte[]?>> messages)
    {
        var reports = new DeliveryReports();
        int count = 0;
        using var producer = Producer();
        foreach (var message in messages)
        {
            producer.Produce(topic, message, reports.Record);
            count++;
        }
        Assert.Equal(0, producer.Flush(TimeSpan.FromSeconds(60)));
        reports.AssertAllDelivered(topic, count);
    }

    /// <summary>Every record of the topic, per partition in offset order (reads up to the high watermarks).</summary>
    public Dictionary<int, List<ConsumeResult<byte[]?, byte[]?>>> ReadAll(string topic)
    {
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = Bootstrap }).Build();
        var partitions = admin.GetMetadata(topic, TimeSpan.FromSeconds(10)).Topics[0].Partitions.Select(p => p.PartitionId).ToList();
        using var consumer = new ConsumerBuilder<byte[]?, byte[]?>(new ConsumerConfig
        {
            BootstrapServers = Bootstrap,
            GroupId = "reader-" + Guid.NewGuid().ToString("N"),
            EnableAutoCommit = false,
        }).Build();
        var result = new Dictionary<int, List<ConsumeResult<byte[]?, byte[]?>>>();
        var remaining = new Dictionary<int, long>();
        var assignment = new List<TopicPartitionOffset>();
        foreach (var p in partitions)
        {
            var high = consumer.QueryWatermarkOffsets(new TopicPartition(topic, p), TimeSpan.FromSeconds(10)).High.Value;
            result[p] = [];
            if (high > 0)
            {
                remaining[p] = high;
                assignment.Add(new TopicPartitionOffset(topic, p, Offset.Beginning));
            }
        }
        consumer.Assign(assignment);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (remaining.Count > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, $"reading {topic} timed out");
            var r = consumer.Consume(TimeSpan.FromMilliseconds(200));
            if (r is null || r.IsPartitionEOF)
                continue;
            result[r.Partition.Value].Add(r);
            if (r.Offset.Value + 1 >= remaining[r.Partition.Value])
                remaining.Remove(r.Partition.Value);
        }
        return result;
    }

    public long HighWatermark(string topic, int partition)
    {
        using var consumer = new ConsumerBuilder<byte[]?, byte[]?>(new ConsumerConfig { BootstrapServers = Bootstrap, GroupId = "hw" }).Build();
        return consumer.QueryWatermarkOffsets(new TopicPartition(topic, partition), TimeSpan.FromSeconds(10)).High.Value;
    }

    /// <summary>Stops the broker and starts a new one on the same port and data directory.</summary>
    public async Task RestartAsync(TimeSpan down)
    {
        var port = new Uri("kafka://" + Bootstrap).Port;
        await Broker.DisposeAsync();
        await Task.Delay(down);
        Broker = new KafkaBroker(Options(port, _dataDirectory));
        Broker.Start();
    }

    public async ValueTask DisposeAsync()
    {
        await Broker.DisposeAsync();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
