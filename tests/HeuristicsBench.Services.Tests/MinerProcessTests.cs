using HeuristicsBench.Services.Tests.Support;

namespace HeuristicsBench.Services.Tests;

/// <summary>The real <c>heuristics-miner serve</c> process: kill -9 and restart gives the model of a run without the
/// fault; SIGTERM checkpoints and exits 0; bad options exit 2.</summary>
public sealed class MinerProcessTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "hb-miner-proc-" + Guid.NewGuid().ToString("N"));

    private static string[] Serve(string bootstrap, string group, string checkpointDir, string checkpointEvents = "300", string checkpointMs = "200") =>
    [
        "serve", "--bootstrap", bootstrap, "--input-topic", "events", "--model-topic", "events.models", "--group", group,
        "--instance", "m1", "--checkpoint-store", "dir:" + checkpointDir, "--epsilon", "0.002",
        "--checkpoint-every-events", checkpointEvents, "--checkpoint-interval-ms", checkpointMs,
        "--publish-every-events", "500", "--publish-interval-ms", "100", "--http", "127.0.0.1:0",
        "--consumer-config", "session.timeout.ms=3000", "--consumer-config", "heartbeat.interval.ms=300",
        "--consumer-config", "fetch.wait.max.ms=50",
    ];

    private static Dictionary<int, long> HighWatermarks(BrokerContext broker, int partitions) =>
        Enumerable.Range(0, partitions).ToDictionary(p => p, p => broker.HighWatermark("events", p));

    [Fact]
    public async Task After_kill_9_and_restart_the_model_equals_the_model_of_a_run_without_the_fault()
    {
        await using var broker = BrokerContext.Start();
        broker.CreateTopic("events", 2);
        broker.Produce("events", BrokerContext.Events(3000));
        using (var first = ServiceProcess.Start("heuristics-miner.dll", Serve(broker.Bootstrap, "gk", _dir)))
        {
            await Eventually.True(async () => await first.MetricAsync("heuristics_miner_checkpoints_total") >= 2, "checkpoints stored");
            broker.Produce("events", BrokerContext.Events(3000, skip: 3000));
            await Eventually.True(async () => await first.MetricAsync("heuristics_miner_events_valid_total") > 3000, "the miner is counting the second batch");
            first.Kill();
        }
        broker.Produce("events", BrokerContext.Events(2000, skip: 6000));

        using var second = ServiceProcess.Start("heuristics-miner.dll", Serve(broker.Bootstrap, "gk", _dir));
        var offsets = HighWatermarks(broker, 2);
        byte[]? model = null;
        await Eventually.True(() => !second.HasExited && ModelTopic.Reflects(broker, "events.models", "gk/m1", offsets, out model), "the restarted miner's model reflects every event", seconds: 90);
        var expected = OfflineReference.ModelJson(broker.ReadAll("events"), offsets, MinerHost.Summary, MinerHost.Thresholds);
        Assert.Equal(expected, OfflineReference.Normalize(model!));
        Assert.Contains("checkpoint @", second.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, await second.TerminateAsync());
    }

    [Fact]
    public async Task Sigterm_takes_final_checkpoints_and_exits_0()
    {
        await using var broker = BrokerContext.Start();
        broker.CreateTopic("events", 2);
        broker.Produce("events", BrokerContext.Events(2000));
        using var miner = ServiceProcess.Start("heuristics-miner.dll", Serve(broker.Bootstrap, "gt", _dir, checkpointEvents: "1000000", checkpointMs: "600000"));
        var offsets = HighWatermarks(broker, 2);
        await Eventually.True(() => !miner.HasExited && ModelTopic.Reflects(broker, "events.models", "gt/m1", offsets, out _), "the model reflects every event");
        Assert.False(Directory.Exists(Path.Combine(_dir, "gt")) && Directory.GetFiles(Path.Combine(_dir, "gt"), "*.ckpt").Length > 0, "no checkpoint before the stop");
        Assert.Equal(0, await miner.TerminateAsync());
        Assert.Contains("SIGTERM handled: exiting with 0", miner.Stderr, StringComparison.Ordinal);
        var files = Directory.GetFiles(Path.Combine(_dir, "gt"), "*.ckpt").Select(Path.GetFileName).ToList();
        Assert.Equal(2, files.Count);
        foreach (var (p, next) in offsets)
            Assert.Contains(files, f => f!.StartsWith($"events-{p}-", StringComparison.Ordinal) && f.Contains(next.ToString("D20", System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Bad_options_exit_2_naming_them()
    {
        using (var bad = ServiceProcess.Start("heuristics-miner.dll", "serve", "--epsilon", "1.5"))
        {
            Assert.Equal(2, await bad.ExitCodeAsync());
            Assert.Contains("--epsilon 1.5", bad.Stderr, StringComparison.Ordinal);
        }
        using (var bad = ServiceProcess.Start("heuristics-miner.dll", "serve", "--http", "nowhere"))
        {
            Assert.Equal(2, await bad.ExitCodeAsync());
            Assert.Contains("--http", bad.Stderr, StringComparison.Ordinal);
        }
        foreach (var (name, value) in new[] { ("MINER_EPSILON", "abc"), ("MINER_CHECKPOINT_EVERY_EVENTS", "1e5"), ("MINER_VARIANT", "xx"), ("MINER_MODEL_PAYLOAD", "xml") })
        {
            using var bad = ServiceProcess.Start("heuristics-miner.dll", new Dictionary<string, string> { [name] = value }, "serve");
            Assert.Equal(2, await bad.ExitCodeAsync());
            Assert.Contains(value, bad.Stderr, StringComparison.Ordinal);
        }
        using (var bad = ServiceProcess.Start("heuristics-miner.dll", "serve", "--producer-config", "no.such.property=1", "--http", "127.0.0.1:0", "--checkpoint-store", "dir:" + _dir))
        {
            Assert.Equal(2, await bad.ExitCodeAsync());
            Assert.Contains("--producer-config", bad.Stderr, StringComparison.Ordinal);
        }
        using (var bad = ServiceProcess.Start("heuristics-miner.dll", "serve", "--checkpoint-store", "s3:bucket"))
        {
            Assert.Equal(2, await bad.ExitCodeAsync());
            Assert.Contains("--checkpoint-store", bad.Stderr, StringComparison.Ordinal);
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(_dir))
            Directory.Delete(_dir, recursive: true);
    }
}
