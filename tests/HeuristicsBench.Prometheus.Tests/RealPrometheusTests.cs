using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Confluent.Kafka;
using Confluent.Kafka.Admin;
using HeuristicsBench.Prometheus.Api;
using HeuristicsBench.Prometheus.History;
using HeuristicsBench.Prometheus.Queries;
using HeuristicsBench.Prometheus.Tests.Support;
using HeuristicsBench.Results.History;

namespace HeuristicsBench.Prometheus.Tests;

/// <summary>
/// The Prometheus source against a real Prometheus scraping the real services on 127.0.0.1: the embedded broker (its
/// kafka_exporter-compatible /metrics), the miner and the load generator as child processes of their own build.
/// </summary>
public sealed class RealPrometheusTests : IAsyncDisposable
{
    private const double Rate = 200;
    private const string Topic = "events";
    private const string Group = "heuristics-miner";
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "hb-prom-it-" + Guid.NewGuid().ToString("N"));
    private readonly List<IAsyncDisposable> _children = [];

    [Fact]
    public async Task The_history_read_through_prometheus_matches_what_the_services_did()
    {
        var binary = PrometheusServer.Binary();
        if (binary is null)
            Assert.Skip("no Prometheus: /usr/bin/prometheus is missing (apt-get install prometheus; .ci/run installs it) and PROMETHEUS_BINARY is not set");
        var clock = Stopwatch.StartNew();
        var output = TestContext.Current.TestOutputHelper;
        var ports = ChaosRunner.Run.Processes.FreePorts.Take(4);
        var (prometheusPort, brokerMetricsPort, minerPort, generatorPort) = (ports[0], ports[1], ports[2], ports[3]);

        var broker = Own(LiveProcess.StartDotnet("broker", RepositoryBuild.Dll("ChaosRunner", "heuristics-bench.dll"),
        [
            "broker", "--port", "0", "--data-dir", Path.Combine(_dir, "broker"), "--partitions", "2",
            "--group-initial-rebalance-delay-ms", "0", "--group-min-session-timeout-ms", "1000", "--metrics-port", Text(brokerMetricsPort),
        ]));
        var listening = await broker.WaitForLineAsync(l => l.StartsWith("listening ", StringComparison.Ordinal), "its listening line");
        await broker.WaitForLineAsync(l => l == "ready", "ready");
        var bootstrap = listening.Split(' ')[^1];
        using (var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = bootstrap }).Build())
            await admin.CreateTopicsAsync([new TopicSpecification { Name = Topic, NumPartitions = 2, ReplicationFactor = 1 }]);

        var miner = Own(LiveProcess.StartDotnet("miner", RepositoryBuild.Dll("HeuristicsMiner", "heuristics-miner.dll"),
        [
            "serve", "--bootstrap", bootstrap, "--input-topic", Topic, "--model-topic", Topic + ".models", "--group", Group,
            "--instance", "m1", "--checkpoint-store", "dir:" + Path.Combine(_dir, "checkpoints"), "--publish-interval-ms", "500",
            "--http", $"127.0.0.1:{Text(minerPort)}", "--consumer-config", "fetch.wait.max.ms=50",
        ]));
        await miner.WaitForLineAsync(l => l.Contains("http on", StringComparison.Ordinal), "its http line");

        var prometheus = Own(await PrometheusServer.StartAsync(binary, prometheusPort, new Dictionary<string, string>
        {
            ["broker"] = $"127.0.0.1:{Text(brokerMetricsPort)}",
            ["miner"] = $"127.0.0.1:{Text(minerPort)}",
            ["generator"] = $"127.0.0.1:{Text(generatorPort)}",
        }));
        using var client = new PrometheusClient(prometheus.Address);
        await WaitUpAsync(client, "broker");
        await WaitUpAsync(client, "miner");
        output?.WriteLine($"broker, miner and Prometheus up after {clock.Elapsed.TotalSeconds:F1} s");

        var start = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        var generator = Own(LiveProcess.StartDotnet("generator", RepositoryBuild.Dll("LoadGenerator", "load-generator.dll"),
        [
            "produce", "--bootstrap", bootstrap, "--topic", Topic, "--rate", Text(Rate), "--duration", "20s", "--seed", "7",
            "--http", $"127.0.0.1:{Text(generatorPort)}",
        ]));
        await WaitUpAsync(client, "generator");
        // ~15 s of production scraped, then the generator's own count, then two more scrapes past it
        var untilFifteen = start.AddSeconds(15) - DateTimeOffset.UtcNow;
        if (untilFifteen > TimeSpan.Zero)
            await Task.Delay(untilFifteen, TestContext.Current.CancellationToken);
        var acknowledgedDirectly = await GeneratorCountAsync(generatorPort);
        var seenDirectly = DateTimeOffset.UtcNow;
        await Task.Delay(TimeSpan.FromSeconds(2.5), TestContext.Current.CancellationToken);
        var end = DateTimeOffset.UtcNow;

        var readClock = Stopwatch.StartNew();
        var gauge = await new PrometheusHistorySource(client, Options(LagSource.MinerGauge)).ReadAsync(start, end, TestContext.Current.CancellationToken);
        var exporter = await new PrometheusHistorySource(client, Options(LagSource.KafkaExporter)).ReadAsync(start, end, TestContext.Current.CancellationToken);
        output?.WriteLine($"two histories ({gauge.Samples.Count} + {exporter.Samples.Count} samples) read in {readClock.Elapsed.TotalMilliseconds:F0} ms");

        Assert.Equal(0, await generator.WaitForExitAsync(60));
        var produced = JsonNode.Parse(generator.Stdout.Last(l => l.StartsWith('{')))!["produced"]!.GetValue<long>();

        // times: Unix seconds on the 1 s grid from the window's start
        Assert.All(gauge.Samples, s =>
        {
            Assert.InRange(s.Time, start.ToUnixTimeSeconds(), end.ToUnixTimeMilliseconds() / 1000.0);
            Assert.Equal(Math.Round(s.Time), s.Time);
        });

        // Throughput_In: the generator's pace, away from the ramp-up at the start (rate window) and with a wide band
        var (inTimes, inValues) = gauge.Series(MetricNames.ThroughputIn);
        var steady = inTimes.Zip(inValues).Where(p => p.First >= start.ToUnixTimeSeconds() + 8 && p.First <= seenDirectly.ToUnixTimeSeconds()).Select(p => p.Second).ToArray();
        Assert.True(steady.Length >= 5, $"too few steady Throughput_In samples: {string.Join(", ", inValues)}");
        Assert.InRange(Median(steady), Rate * 0.5, Rate * 1.5);

        // Events_Acknowledged: rises from about nothing to at least what the generator reported directly, never above its summary
        var (_, acked) = gauge.Series(MetricNames.EventsAcknowledged);
        Assert.True(acked.Length >= 10, $"too few Events_Acknowledged samples: {acked.Length}");
        Assert.True(acked.Zip(acked.Skip(1)).All(p => p.Second >= p.First), $"Events_Acknowledged decreased: {string.Join(", ", acked)}");
        Assert.InRange(acked[0], 0, Rate * 3);
        Assert.InRange(acked[^1], acknowledgedDirectly, produced);

        Assert.True(gauge.Series(MetricNames.LcEntries).Values.Max() > 0, "LC_Entries never above 0");
        var (_, processed) = gauge.Series(MetricNames.EventsProcessed);
        Assert.InRange(processed.Max(), 1, produced);
        Assert.Contains(gauge.Series(MetricNames.ThroughputOut).Values, v => v > 0);

        // latency quantiles: present, positive, ordered at every time all three have a value
        var latency = new[] { MetricNames.LatencyP50, MetricNames.LatencyP95, MetricNames.LatencyP99 }
            .Select(m => gauge.Samples.Where(s => s.Metric == m).ToDictionary(s => s.Time, s => s.Value)).ToArray();
        Assert.All(latency, q => Assert.True(q.Count >= 5, $"too few latency samples: {q.Count}"));
        Assert.All(latency.SelectMany(q => q.Values), v => Assert.True(v > 0, $"latency {v} ms"));
        foreach (var t in latency[0].Keys.Where(t => latency[1].ContainsKey(t) && latency[2].ContainsKey(t)))
            Assert.True(latency[0][t] <= latency[1][t] && latency[1][t] <= latency[2][t], $"quantiles out of order at {t}");

        // lag from both sources: present, never negative, per partition for both partitions
        foreach (var (name, history) in new[] { ("miner gauge", gauge), ("kafka exporter", exporter) })
        {
            var (_, lag) = history.Series(MetricNames.Lag);
            Assert.True(lag.Length >= 10, $"{name}: too few lag samples ({lag.Length})");
            Assert.All(lag, v => Assert.True(v >= 0, $"{name}: lag {v}"));
            Assert.NotEmpty(history.Series(MetricNames.LagPartition(0)).Values);
            Assert.NotEmpty(history.Series(MetricNames.LagPartition(1)).Values);
            output?.WriteLine($"{name}: lag median {Median(lag):F0}, max {lag.Max():F0}");
        }
        output?.WriteLine($"Throughput_In steady median {Median(steady):F1}/s; acknowledged {acked[^1]} (directly {acknowledgedDirectly}, summary {produced}); test {clock.Elapsed.TotalSeconds:F1} s");
    }

    private static PrometheusQueryOptions Options(LagSource lag) => new()
    {
        Topic = Topic,
        ConsumerGroup = Group,
        LagSource = lag,
        Miner = LabelSelector.Of(("job", "miner")),
        Generator = LabelSelector.Of(("job", "generator")),
        Exporter = LabelSelector.Of(("job", "broker")),
    };

    private T Own<T>(T child)
        where T : IAsyncDisposable
    {
        _children.Add(child);
        return child;
    }

    /// <summary>Waits until Prometheus has scraped <paramref name="job"/> successfully (up == 1), through the instant query API.</summary>
    private static async Task WaitUpAsync(PrometheusClient client, string job)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var up = await client.QueryAsync($"up{{job=\"{job}\"}}", DateTimeOffset.UtcNow, TestContext.Current.CancellationToken);
            if (up.Count == 1 && up[0].Point.Value == 1)
                return;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Prometheus has not scraped {job} within 60 s (up: {string.Join(", ", up.Select(s => s.Point.Value))})");
            await Task.Delay(250);
        }
    }

    private static async Task<double> GeneratorCountAsync(int port)
    {
        using var http = new HttpClient();
        var text = await http.GetStringAsync(new Uri($"http://127.0.0.1:{Text(port)}/metrics"));
        var line = text.Split('\n').Single(l => l.StartsWith("loadgen_events_produced_total ", StringComparison.Ordinal));
        return double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture);
    }

    private static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static string Text(double value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Every child (generator, miner, broker, Prometheus) is killed, newest first, whatever the test did.</summary>
    public async ValueTask DisposeAsync()
    {
        for (var i = _children.Count - 1; i >= 0; i--)
            await _children[i].DisposeAsync();
        if (Directory.Exists(_dir))
            Directory.Delete(_dir, recursive: true);
    }
}
