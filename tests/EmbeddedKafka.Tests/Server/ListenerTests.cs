using System.Net;
using Confluent.Kafka;
using EmbeddedKafka.Protocol;
using EmbeddedKafka.Server;
using EmbeddedKafka.Tests.Support;
using ErrorCode = EmbeddedKafka.Protocol.ErrorCode;

namespace EmbeddedKafka.Tests.Server;

public sealed class ListenerTests
{
    private static (string Host, int Port) MetadataBroker(RawKafkaClient client)
    {
        var r = client.Request(ApiKey.Metadata, 1, w => w.WriteArrayLength(0));
        Assert.Equal(1, r.ReadInt32());
        Assert.Equal(0, r.ReadInt32());
        return (r.ReadString(), r.ReadInt32());
    }

    private static (string Host, int Port) Coordinator(RawKafkaClient client)
    {
        var r = client.Request(ApiKey.FindCoordinator, 1, w => { w.WriteString("g"); w.WriteInt8(0); });
        r.ReadInt32();
        Assert.Equal((short)ErrorCode.None, r.ReadInt16());
        r.ReadNullableString();
        Assert.Equal(0, r.ReadInt32());
        return (r.ReadString(), r.ReadInt32());
    }

    [Fact]
    public async Task Each_listener_advertises_its_own_address_in_metadata_and_find_coordinator()
    {
        await using var broker = BrokerFixture.Start(o => o with
        {
            Listeners =
            [
                new ListenerOptions { Name = "DIRECT", Port = 0 },
                new ListenerOptions { Name = "PROXIED", Port = 0, AdvertisedHost = "fault-proxy.test", AdvertisedPort = 19093 },
                new ListenerOptions { Name = "LOCALHOST", Port = 0, AdvertisedHost = "localhost" },
            ],
        });
        using var direct = RawKafkaClient.Connect(broker, 0);
        using var proxied = RawKafkaClient.Connect(broker, 1);
        using var local = RawKafkaClient.Connect(broker, 2);
        int directPort = broker.Listeners[0].LocalEndPoint.Port;
        int localPort = broker.Listeners[2].LocalEndPoint.Port;
        Assert.Equal(("127.0.0.1", directPort), MetadataBroker(direct));
        Assert.Equal(("fault-proxy.test", 19093), MetadataBroker(proxied));
        Assert.Equal(("localhost", localPort), MetadataBroker(local));
        Assert.Equal(("fault-proxy.test", 19093), Coordinator(proxied));
        Assert.Equal(("localhost", localPort), Coordinator(local));

        // A real client bootstrapped on the third listener is told to use localhost:port, and works through it.
        var config = new ProducerConfig { BootstrapServers = $"localhost:{localPort}", Acks = Acks.All };
        using var producer = new ProducerBuilder<Null, string>(config).Build();
        var result = await producer.ProduceAsync("via-localhost", new Message<Null, string> { Value = "hi" }, TestContext.Current.CancellationToken);
        Assert.Equal(PersistenceStatus.Persisted, result.Status);
        Assert.Equal("localhost:" + localPort, broker.Listeners[2].Advertised);
        Assert.Equal(IPAddress.Loopback, broker.Listeners[2].LocalEndPoint.Address);
    }
}
