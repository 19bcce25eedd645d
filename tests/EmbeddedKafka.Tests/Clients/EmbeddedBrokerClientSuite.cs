using EmbeddedKafka.Server;

namespace EmbeddedKafka.Tests.Clients;

/// <summary>The client suite against the embedded broker (a fresh broker per test).</summary>
public sealed class EmbeddedBrokerClientSuite : KafkaClientSuite, IAsyncLifetime
{
    private readonly KafkaBroker _broker = BrokerFixture.Start(o => o with { AutoCreateTopics = false });

    protected override string BootstrapServers => _broker.BootstrapServers;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _broker.DisposeAsync();
}
