using Akka.Actor;
using Akka.Configuration;
using Akka.Streams;
using Confluent.Kafka;
using EmbeddedKafka.Groups;
using EmbeddedKafka.Server;
using EmbeddedKafka.Storage;

namespace HeuristicsBench.KafkaStreams.Tests.Support;

/// <summary>An in-process broker on 127.0.0.1 (ephemeral port, temporary data directory) and an actor system.</summary>
public sealed class KafkaTestContext : IAsyncDisposable
{
    private readonly List<IDisposable> owned = [];

    private KafkaTestContext(KafkaBroker broker, ActorSystem system)
    {
        Broker = broker;
        System = system;
        Materializer = system.Materializer();
    }

    public KafkaBroker Broker { get; }

    public ActorSystem System { get; }

    public IMaterializer Materializer { get; }

    public string Bootstrap => Broker.BootstrapServers;

    public static KafkaTestContext Start()
    {
        var broker = new KafkaBroker(new BrokerOptions
        {
            Listeners = [new ListenerOptions { Port = 0 }],
            Groups = new GroupCoordinatorOptions { MinSessionTimeoutMs = 1000, InitialRebalanceDelayMs = 0 },
        });
        broker.Start();
        var system = ActorSystem.Create("kafka-streams-test", ConfigurationFactory.ParseString("akka.loglevel = WARNING"));
        return new KafkaTestContext(broker, system);
    }

    public void CreateTopic(string name, int partitions) =>
        Assert.Equal(EmbeddedKafka.Protocol.ErrorCode.None, Broker.Topics.Create(name, new TopicConfig { Partitions = partitions }));

    public IProducer<byte[]?, byte[]?> Producer()
    {
        var producer = new ProducerBuilder<byte[]?, byte[]?>(new ProducerConfig
        {
            BootstrapServers = Bootstrap,
            Acks = Acks.All,
            EnableIdempotence = true,
            LingerMs = 5,
        }).Build();
        owned.Add(producer);
        return producer;
    }

    /// <summary>Consumer settings with a short poll timeout; a long session timeout, so that only a LeaveGroup (not an
    /// expiry) can remove a member while a test waits.</summary>
    public KafkaConsumerSettings ConsumerSettings(string group, string topic, string clientId, int maxBatchSize = 256) =>
        new(
            new ConsumerConfig
            {
                BootstrapServers = Bootstrap,
                GroupId = group,
                ClientId = clientId,
                AutoOffsetReset = AutoOffsetReset.Earliest,
                EnableAutoCommit = false,
                SessionTimeoutMs = 60_000,
                MaxPollIntervalMs = 60_000,
                HeartbeatIntervalMs = 500,
                FetchWaitMaxMs = 50,
            },
            [topic])
        {
            MaxBatchSize = maxBatchSize,
            PollTimeout = TimeSpan.FromMilliseconds(20),
        };

    /// <summary>Produces values 0..count-1 (as text) keyed "case-(i mod keys)" and waits for every delivery.</summary>
    public async Task ProduceAsync(string topic, int count, int keys = 37)
    {
        var producer = Producer();
        for (int i = 0; i < count; i++)
        {
            producer.Produce(topic, Codec.Message(i, keys));
        }

        Assert.Equal(0, producer.Flush(TimeSpan.FromSeconds(60)));
        await Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var item in owned)
        {
            item.Dispose();
        }

        await System.Terminate();
        await Broker.DisposeAsync();
    }
}
