using DotNet.Testcontainers.Builders;
using Testcontainers.Kafka;

namespace EmbeddedKafka.Tests.Clients;

/// <summary>
/// Real Apache Kafka in Docker through Testcontainers.Kafka, shared by the tests of
/// <see cref="ApacheKafkaClientSuite"/>. Without a reachable Docker engine it records why, and those tests
/// are skipped with that reason.
/// </summary>
public sealed class ApacheKafkaContainer : IAsyncLifetime
{
    public const string Image = "apache/kafka:3.9.1";

    private KafkaContainer? _container;

    public string? SkipReason { get; private set; }

    public string BootstrapServers => _container?.GetBootstrapAddress() ?? throw new InvalidOperationException(SkipReason);

    public async ValueTask InitializeAsync()
    {
        try
        {
            _container = new KafkaBuilder(Image).Build();
            await _container.StartAsync();
        }
        catch (DockerUnavailableException e)
        {
            SkipReason = $"no Docker engine reachable, so the suite does not run against real Apache Kafka ({Image}): {e.Message}";
            _container = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_container is not null)
        {
            await _container.DisposeAsync();
        }
    }
}
