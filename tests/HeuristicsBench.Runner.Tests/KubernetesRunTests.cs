using ChaosRunner.Run;
using ChaosRunner.Run.Kubernetes;
using ChaosRunner.Run.Local;
using ChaosRunner.Run.Processes;
using HeuristicsBench.ChaosMesh.Tests;
using HeuristicsBench.Experiments;
using HeuristicsBench.Runner.Tests.Support;

namespace HeuristicsBench.Runner.Tests;

/// <summary>
/// `run --backend k8s` without a cluster: the system under test is the local broker, miner and generator (standing in
/// for the chart's deployment), Chaos Mesh is a fake Kubernetes API and Prometheus a fake query_range endpoint. The
/// run creates and deletes its Chaos Mesh objects, takes its history from Prometheus and its fidelity from the model
/// topic, and the checkers pass at the final model's offsets.
/// </summary>
[Collection(ChildProcessTests.Name)]
public sealed class KubernetesRunTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "hb-k8s-tests-" + Guid.NewGuid().ToString("N")[..8]);

    private string Write(string name, string yaml)
    {
        Directory.CreateDirectory(_root);
        var path = Path.Combine(_root, name + ".yaml");
        File.WriteAllText(path, yaml);
        return path;
    }

    private RunSettings Settings(string file, string bootstrap, Uri prometheus, Uri kubeApi) =>
        new(file, Path.Combine(_root, "results"), "k8s", Quiet: true, TimeSpan.FromSeconds(60), null, KeepWork: false, "test",
            new KubernetesSettings("bench", bootstrap, RunPlan.EventsTopic, RunPlan.ModelTopic, RunPlan.MinerGroup,
                "app.kubernetes.io/name=heuristics-miner", "app.kubernetes.io/name=load-generator", "app.kubernetes.io/name=kafka-broker",
                prometheus, LagFromExporter: true, kubeApi));

    [Fact]
    public async Task A_run_creates_and_removes_its_chaos_objects_reads_prometheus_and_passes_its_checkers()
    {
        const string yaml = """
            name: k8s
            workload: { model: assembly-line, rate: 100, duration: 6s, seed: 5 }
            system: { partitions: 2, checkpointInterval: 1s }
            scenarios:
              - name: chaos
                faults:
                  - kind: pod-failure
                    target: miner
                    schedule: { start: 1s, duration: 2s }
                  - kind: network-delay
                    target: generator
                    latency: 100ms
                    schedule: { start: 2s, duration: 2s }
            """;
        var file = Write("k8s", yaml);
        var experiment = ExperimentParser.Parse(yaml, file);
        var registry = new ProcessRegistry();
        var system = new RunPlan(experiment, RunExpander.Expand(experiment)[0], Path.Combine(_root, "system"), Path.Combine(_root, "system-work"));
        await using var cluster = new LocalCluster(system, ServiceBinaries.Locate(null), registry, 1);
        await using var kube = await FakeKubernetesApi.StartAsync();
        await using var prometheus = await FakePrometheus.StartAsync();
        try
        {
            await cluster.StartSystemAsync(TestContext.Current.CancellationToken);
            await cluster.StartGeneratorAsync(TimeSpan.FromMinutes(2), TestContext.Current.CancellationToken);

            var exit = await RunCli.RunAsync(Settings(file, cluster.Ports.BrokerBootstrap, prometheus.BaseUrl, kube.BaseUrl), TestContext.Current.CancellationToken);

            var dir = Directory.GetDirectories(Path.Combine(_root, "results", "k8s")).Single();
            var run = Path.Combine(dir, "runs", "00-chaos-i1");
            var checks = File.ReadAllText(Path.Combine(run, "checks.csv"));
            Assert.True(exit == 0, $"exit {exit}\n{checks}\n{File.ReadAllText(Path.Combine(dir, "summary.csv"))}");
            Assert.Contains("no Chaos Mesh object of this run is left", checks, StringComparison.Ordinal);
            var requests = kube.Requests;
            Assert.Contains(requests, r => r.Method == "POST" && r.Path == "/apis/chaos-mesh.org/v1alpha1/namespaces/bench/podchaos");
            Assert.Contains(requests, r => r.Method == "POST" && r.Path == "/apis/chaos-mesh.org/v1alpha1/namespaces/bench/networkchaos");
            Assert.Contains(requests, r => r.Method == "DELETE");
            Assert.Empty(kube.Stored);
            var faults = File.ReadAllLines(Path.Combine(run, "faults.csv"));
            Assert.Equal(3, faults.Length);
            Assert.All(faults.Skip(1), f => Assert.DoesNotContain(",,", f.Split(',')[7] + "," + f.Split(',')[8], StringComparison.Ordinal));
            var metrics = File.ReadAllLines(Path.Combine(run, "metrics.csv"));
            Assert.Contains(metrics, l => l.StartsWith("Lag_Input_Topic,", StringComparison.Ordinal) && l.EndsWith(",7", StringComparison.Ordinal));
            Assert.Contains(metrics, l => l.StartsWith("Fidelity_F1,", StringComparison.Ordinal));
            Assert.Contains(prometheus.Queries, q => q.Contains("kafka_consumergroup_lag", StringComparison.Ordinal));
        }
        finally
        {
            registry.KillAll();
        }
    }

    [Fact]
    public async Task A_fault_chaos_mesh_cannot_make_is_refused_before_anything_is_applied()
    {
        var file = Write("drift", """
            name: drift
            workload: { model: assembly-line, rate: 100, duration: 6s }
            scenarios:
              - name: skew
                faults:
                  - kind: clock-skew
                    target: miner
                    offset: 1m
                    drift: 100
            """);
        await using var kube = await FakeKubernetesApi.StartAsync();
        var exit = await RunCli.RunAsync(Settings(file, "127.0.0.1:1", new Uri("http://127.0.0.1:1"), kube.BaseUrl), TestContext.Current.CancellationToken);
        Assert.Equal(2, exit);
        Assert.Empty(kube.Requests);
        Assert.False(Directory.Exists(Path.Combine(_root, "results", "drift")));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
