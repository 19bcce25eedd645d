using System.Text.Json.Nodes;
using HeuristicsBench.Services.Tests.Support;

namespace HeuristicsBench.Services.Tests;

/// <summary>Generator and miner as real processes over the embedded broker: what the generator reports as
/// acknowledged is exactly what the miner's model counts, and the model equals offline mining of the topic.</summary>
public sealed class PipelineProcessTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "hb-pipeline-test-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Events_produced_by_the_generator_process_are_all_in_the_miner_processs_model()
    {
        await using var broker = BrokerContext.Start();
        broker.CreateTopic("events", 3);
        using var miner = ServiceProcess.Start("heuristics-miner.dll", "serve", "--bootstrap", broker.Bootstrap, "--input-topic", "events",
            "--model-topic", "events.models", "--group", "gp", "--instance", "m1", "--checkpoint-store", "dir:" + _dir, "--epsilon", "0.002",
            "--publish-interval-ms", "100", "--http", "127.0.0.1:0", "--consumer-config", "fetch.wait.max.ms=50");
        using var generator = ServiceProcess.Start("load-generator.dll", "produce", "--bootstrap", broker.Bootstrap, "--topic", "events",
            "--events", "5000", "--seed", "3", "--http", "127.0.0.1:0", "--quiet");
        Assert.Equal(0, await generator.ExitCodeAsync(120));
        var summary = JsonNode.Parse(generator.Stdout.Split('\n').Last(l => l.StartsWith('{')))!;
        Assert.Equal(5000, summary["produced"]!.GetValue<long>());

        var offsets = Enumerable.Range(0, 3).ToDictionary(p => p, p => broker.HighWatermark("events", p));
        Assert.Equal(5000, offsets.Values.Sum());
        byte[]? model = null;
        await Eventually.True(() => !miner.HasExited && ModelTopic.Reflects(broker, "events.models", "gp/m1", offsets, out model), "the model reflects every event", seconds: 90);
        var expected = OfflineReference.ModelJson(broker.ReadAll("events"), offsets, MinerHost.Summary, MinerHost.Thresholds);
        Assert.Equal(expected, OfflineReference.Normalize(model!));
        Assert.Contains("\"eventsProcessed\":5000", expected, StringComparison.Ordinal);
        Assert.Equal(0, await miner.TerminateAsync());
    }

    public void Dispose()
    {
        if (Directory.Exists(_dir))
            Directory.Delete(_dir, recursive: true);
    }
}
