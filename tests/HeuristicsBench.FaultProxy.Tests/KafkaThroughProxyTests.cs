using System.Diagnostics;
using Confluent.Kafka;
using EmbeddedKafka.Groups;
using EmbeddedKafka.Server;

namespace HeuristicsBench.FaultProxy.Tests;

public class KafkaThroughProxyTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_producer_talks_to_the_broker_only_through_the_proxy_and_feels_its_toxics()
    {
        using var faults = new FaultProxyServer(seed: 5);
        // the proxy's port has to be known before the broker can advertise it: listen first, point it at the broker after
        var proxy = faults.Create(new ProxyConfig("kafka", "127.0.0.1:0", "127.0.0.1:1"));
        var broker = new KafkaBroker(new BrokerOptions
        {
            Listeners = [new ListenerOptions { Name = "PROXIED", Port = 0, AdvertisedHost = "127.0.0.1", AdvertisedPort = proxy.Listen.Port }],
            Groups = new GroupCoordinatorOptions { MinSessionTimeoutMs = 1000, InitialRebalanceDelayMs = 0 },
        });
        await using (broker)
        {
            broker.Start();
            var updated = faults.Update("kafka", upstream: "127.0.0.1:" + broker.Listeners[0].LocalEndPoint.Port);
            Assert.Equal(proxy.Listen, updated.Listen);

            var config = new ProducerConfig { BootstrapServers = proxy.Listen.ToString(), Acks = Acks.All, MessageTimeoutMs = 2000 };
            using var producer = new ProducerBuilder<Null, string>(config).Build();
            var first = await producer.ProduceAsync("through-proxy", new Message<Null, string> { Value = "one" }, Cancel);
            Assert.Equal(PersistenceStatus.Persisted, first.Status);

            faults.AddToxic("kafka", new ToxicSpec("latency", ToxicDirection.Downstream,
                attributes: new Dictionary<string, long> { ["latency"] = 300 }));
            var clock = Stopwatch.StartNew();
            var slow = await producer.ProduceAsync("through-proxy", new Message<Null, string> { Value = "two" }, Cancel);
            Assert.Equal(PersistenceStatus.Persisted, slow.Status);
            Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(300), $"produce took {clock.Elapsed}");
            Assert.Equal(first.Offset.Value + 1, slow.Offset.Value);

            faults.Reset();
            faults.AddToxic("kafka", new ToxicSpec("timeout", ToxicDirection.Upstream, name: "partition"));
            var lost = await Assert.ThrowsAsync<ProduceException<Null, string>>(async () =>
                await producer.ProduceAsync("through-proxy", new Message<Null, string> { Value = "three" }, Cancel));
            Assert.Equal(Confluent.Kafka.ErrorCode.Local_MsgTimedOut, lost.Error.Code);
        }
    }
}
