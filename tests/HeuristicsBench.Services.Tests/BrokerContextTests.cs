using HeuristicsBench.Services.Tests.Support;
using Xunit.Sdk;
using TopicConfig = EmbeddedKafka.Storage.TopicConfig;

namespace HeuristicsBench.Services.Tests;

/// <summary>The test helpers report a message the broker refused where it happens, instead of losing it silently.</summary>
public sealed class BrokerContextTests
{
    [Fact]
    public async Task A_refused_delivery_fails_the_produce_and_names_the_error()
    {
        await using var broker = BrokerContext.Start();
        Assert.Equal(EmbeddedKafka.Protocol.ErrorCode.None,
            broker.Broker.Topics.Create("small", new TopicConfig { Partitions = 1, MaxMessageBytes = 1000 }));

        broker.ProduceRaw("small", "k", new byte[10]);

        var e = Assert.Throws<TrueException>(() => broker.ProduceRaw("small", "k", new byte[5000]));

        Assert.Contains("1 of 1 messages to small were not delivered", e.Message, StringComparison.Ordinal);
        Assert.Contains("MsgSizeTooLarge", e.Message, StringComparison.Ordinal);
        Assert.Equal(1, broker.HighWatermark("small", 0));
    }
}
