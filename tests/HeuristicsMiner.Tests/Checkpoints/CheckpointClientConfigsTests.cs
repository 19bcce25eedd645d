using Confluent.Kafka;
using HeuristicsMiner.Checkpoints;

namespace HeuristicsMiner.Tests.Checkpoints;

/// <summary>Which of the miner's extra client settings reach which of the checkpoint store's clients.</summary>
public sealed class CheckpointClientConfigsTests
{
    private readonly List<string> skipped = [];

    [Fact]
    public void Producer_settings_reach_the_store_producer_but_not_those_its_saves_depend_on()
    {
        var extra = new Dictionary<string, string>
        {
            ["bootstrap.servers"] = "secure:9093",
            ["security.protocol"] = "SASL_SSL",
            ["sasl.mechanism"] = "PLAIN",
            ["client.id"] = "mine",
            ["acks"] = "1",
            ["enable.idempotence"] = "false",
        };

        var config = CheckpointClientConfigs.Producer("plain:9092", "miner", extra, skipped.Add);

        Assert.Equal("secure:9093", config.BootstrapServers);
        Assert.Equal("SASL_SSL", config.Get("security.protocol"));
        Assert.Equal("PLAIN", config.Get("sasl.mechanism"));
        Assert.Equal("mine", config.ClientId);
        Assert.Equal(Acks.All, config.Acks);
        Assert.True(config.EnableIdempotence);
        Assert.Equal(2, skipped.Count);
        Assert.Contains(skipped, s => s.StartsWith("producer setting acks=1 is not applied", StringComparison.Ordinal));
        Assert.Contains(skipped, s => s.StartsWith("producer setting enable.idempotence=false is not applied", StringComparison.Ordinal));
    }

    [Fact]
    public void Consumer_settings_reach_the_loader_but_cannot_make_it_join_or_commit()
    {
        var extra = new Dictionary<string, string>
        {
            ["security.protocol"] = "SSL",
            ["fetch.max.bytes"] = "1000000",
            ["group.id"] = "someone-else",
            ["enable.auto.commit"] = "true",
        };

        var config = CheckpointClientConfigs.Loader("plain:9092", "miner", extra, skipped.Add);

        Assert.Equal("plain:9092", config.BootstrapServers);
        Assert.Equal("SSL", config.Get("security.protocol"));
        Assert.Equal(1_000_000, config.FetchMaxBytes);
        Assert.Equal("miner.checkpoint-loader", config.GroupId);
        Assert.False(config.EnableAutoCommit);
        Assert.Equal(2, skipped.Count);
        Assert.All(skipped, s => Assert.StartsWith("consumer setting ", s, StringComparison.Ordinal));
    }

    [Fact]
    public void Each_client_gets_only_its_own_role_settings()
    {
        var producer = CheckpointClientConfigs.Producer("b:1", "miner", new Dictionary<string, string> { ["linger.ms"] = "50" }, skipped.Add);
        var loader = CheckpointClientConfigs.Loader("b:1", "miner", new Dictionary<string, string> { ["session.timeout.ms"] = "7000" }, skipped.Add);

        Assert.Equal(50, producer.LingerMs);
        Assert.Null(producer.Get("session.timeout.ms"));
        Assert.Equal(7000, loader.SessionTimeoutMs);
        Assert.Null(loader.Get("linger.ms"));
        Assert.Equal("miner-checkpoints", producer.ClientId);
        Assert.Equal("miner-checkpoint-loader", loader.ClientId);
        Assert.Empty(skipped);
    }
}
