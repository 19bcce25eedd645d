using System.Globalization;
using Confluent.Kafka;
using Confluent.Kafka.Admin;

namespace HeuristicsBench.Benchmarks;

/// <summary>
/// Broker, miner and (later) generator as real child processes on this machine, as the chaos runner will run them:
/// <c>heuristics-bench broker</c>, <c>heuristics-miner serve</c>, <c>load-generator produce</c>.
/// </summary>
public sealed class PipelineRig : IAsyncDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "hb-pipeline-" + Guid.NewGuid().ToString("N"));
    private readonly List<ChildService> _children = [];

    public string Bootstrap { get; private set; } = "";

    public ChildService? Miner { get; private set; }

    public string MinerHttp { get; private set; } = "";

    public static async Task<PipelineRig> StartAsync(int partitions)
    {
        var rig = new PipelineRig();
        var broker = rig.Own(ChildService.Start("heuristics-bench.dll", "broker", "--port", "0", "--data-dir", Path.Combine(rig._dir, "broker"),
            "--group-initial-rebalance-delay-ms", "0"));
        await broker.WaitForAsync("ready", TimeSpan.FromSeconds(60));
        var listening = broker.Output.Split('\n').First(l => l.StartsWith("listening PLAINTEXT ", StringComparison.Ordinal));
        rig.Bootstrap = listening.Split(' ')[4];
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = rig.Bootstrap }).Build();
        await admin.CreateTopicsAsync([new TopicSpecification { Name = "events", NumPartitions = partitions, ReplicationFactor = 1 }]);
        return rig;
    }

    public async Task StartMinerAsync()
    {
        Miner = Own(ChildService.Start("heuristics-miner.dll", "serve", "--bootstrap", Bootstrap, "--input-topic", "events",
            "--model-topic", "models", "--group", "bench", "--instance", "m1", "--http", "127.0.0.1:0", "--epsilon", "0.001"));
        MinerHttp = await Miner.WaitForAsync(" http on ", TimeSpan.FromSeconds(60));
    }

    public ChildService StartGenerator(params string[] extra) =>
        Own(ChildService.Start("load-generator.dll", ["produce", "--bootstrap", Bootstrap, "--topic", "events", "--truth-topic", "-",
            "--http", "127.0.0.1:0", "--seed", "1", "--quiet", .. extra]));

    /// <summary>Sum over partitions of the broker's high watermarks of "events".</summary>
    public long HighWatermarkSum(int partitions)
    {
        using var consumer = new ConsumerBuilder<byte[], byte[]>(new ConsumerConfig { BootstrapServers = Bootstrap, GroupId = "bench-watermarks" }).Build();
        return Enumerable.Range(0, partitions).Sum(p => consumer.QueryWatermarkOffsets(new TopicPartition("events", p), TimeSpan.FromSeconds(5)).High.Value);
    }

    private ChildService Own(ChildService child)
    {
        _children.Add(child);
        return child;
    }

    public static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("F2", CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        foreach (var child in Enumerable.Reverse(_children))
            child.Dispose();
        await Task.Yield();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
