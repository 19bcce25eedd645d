namespace EmbeddedKafka.Tests.Clients;

/// <summary>The same client suite against real Apache Kafka (Testcontainers); skipped when Docker is unreachable.</summary>
public sealed class ApacheKafkaClientSuite : KafkaClientSuite, IClassFixture<ApacheKafkaContainer>
{
    private readonly ApacheKafkaContainer _kafka;

    public ApacheKafkaClientSuite(ApacheKafkaContainer kafka)
    {
        _kafka = kafka;
        if (kafka.SkipReason is not null)
        {
            Assert.Skip(kafka.SkipReason);
        }
    }

    protected override string BootstrapServers => _kafka.BootstrapServers;
}
