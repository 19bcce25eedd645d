using HeuristicsBench.Chart.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace HeuristicsBench.Chart.Tests;

/// <summary>Pods run as non-root on a read-only root file system, with resources and probes, and every mount has a volume.</summary>
public sealed class WorkloadTests
{
    public static TheoryData<string> Modes() => new(ChartUnderTest.Modes);

    [Theory]
    [MemberData(nameof(Modes))]
    public void Pods_are_non_root_with_read_only_root_and_resources(string mode)
    {
        var owners = ChartUnderTest.Objects(mode).Where(o => WorkloadFacts.PodOwners.Contains(o.Kind)).ToList();
        Assert.NotEmpty(owners);
        foreach (var o in owners)
        {
            Assert.Equal("true", o.Text("spec.template.spec.securityContext.runAsNonRoot"));
            foreach (var c in WorkloadFacts.Containers(o))
            {
                var name = WorkloadFacts.Scalar(c, "name");
                Assert.True(WorkloadFacts.Scalar(c, "securityContext.runAsNonRoot") == "true", $"{o} {name}: runAsNonRoot");
                Assert.True(WorkloadFacts.Scalar(c, "securityContext.readOnlyRootFilesystem") == "true", $"{o} {name}: readOnlyRootFilesystem");
                Assert.True(WorkloadFacts.Scalar(c, "securityContext.allowPrivilegeEscalation") == "false", $"{o} {name}: allowPrivilegeEscalation");
                foreach (var part in new[] { "requests", "limits" })
                {
                    foreach (var resource in new[] { "cpu", "memory" })
                        Assert.False(string.IsNullOrEmpty(WorkloadFacts.Scalar(c, $"resources.{part}.{resource}")), $"{o} {name}: resources.{part}.{resource}");
                }
                var mounts = K8sObject.Find(c, "volumeMounts") as YamlSequenceNode;
                Assert.True(mounts is not null && mounts.Children.Any(m => WorkloadFacts.Scalar(m, "mountPath") == "/tmp"), $"{o} {name}: no writable /tmp");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void Every_volume_mount_has_a_volume_and_tmp_is_an_empty_dir(string mode)
    {
        foreach (var o in ChartUnderTest.Objects(mode).Where(o => WorkloadFacts.PodOwners.Contains(o.Kind)))
        {
            var volumes = (o.Node("spec.template.spec.volumes") as YamlSequenceNode)?.Children.ToDictionary(v => WorkloadFacts.Scalar(v, "name")!, v => v, StringComparer.Ordinal) ?? [];
            var claims = (o.Node("spec.volumeClaimTemplates") as YamlSequenceNode)?.Children.Select(v => WorkloadFacts.Scalar(v, "metadata.name")!).ToHashSet(StringComparer.Ordinal) ?? [];
            foreach (var c in WorkloadFacts.Containers(o))
            {
                foreach (var mount in ((YamlSequenceNode)K8sObject.Find(c, "volumeMounts")!).Children)
                {
                    var name = WorkloadFacts.Scalar(mount, "name")!;
                    Assert.True(volumes.ContainsKey(name) || claims.Contains(name), $"{o}: mount {name} has no volume");
                    if (WorkloadFacts.Scalar(mount, "mountPath") == "/tmp")
                        Assert.NotNull(K8sObject.Find(volumes[name], "emptyDir"));
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void Long_running_pods_have_probes_and_the_services_probe_healthz_and_readyz(string mode)
    {
        foreach (var o in ChartUnderTest.Objects(mode).Where(o => o.Kind is "Deployment" or "StatefulSet"))
        {
            foreach (var c in WorkloadFacts.Containers(o))
            {
                Assert.True(K8sObject.Find(c, "readinessProbe") is YamlMappingNode, $"{o}: readinessProbe");
                Assert.True(K8sObject.Find(c, "livenessProbe") is YamlMappingNode, $"{o}: livenessProbe");
                if (o.Kind == "Deployment")
                {
                    Assert.Equal("/readyz", WorkloadFacts.Scalar(c, "readinessProbe.httpGet.path"));
                    Assert.Equal("/healthz", WorkloadFacts.Scalar(c, "livenessProbe.httpGet.path"));
                    var port = WorkloadFacts.Scalar(c, "readinessProbe.httpGet.port");
                    var ports = ((YamlSequenceNode)K8sObject.Find(c, "ports")!).Children.Select(p => WorkloadFacts.Scalar(p, "name"));
                    Assert.Contains(port, ports);
                }
            }
        }
    }

    [Theory]
    [InlineData("strimzi", "hb-kafka-bootstrap.bench.svc:9092")]
    [InlineData("embedded", "hb-broker.bench.svc.cluster.local:9092")]
    [InlineData("external", "kafka.example:9092")]
    public void Services_get_the_bootstrap_of_the_mode_and_listen_on_every_interface(string mode, string bootstrap)
    {
        var objects = ChartUnderTest.Objects(mode);
        var miner = objects.Single(o => o.Kind == "Deployment" && o.Name == "hb-miner");
        var generator = objects.Single(o => o.Kind == "Deployment" && o.Name == "hb-load-generator");
        var runner = objects.Single(o => o.Kind == "Job");
        Assert.Equal(bootstrap, WorkloadFacts.Env(miner, "MINER_BOOTSTRAP"));
        Assert.Equal(bootstrap, WorkloadFacts.Env(generator, "LOADGEN_BOOTSTRAP"));
        Assert.Equal(bootstrap, WorkloadFacts.Env(runner, "HEURISTICS_BENCH_BOOTSTRAP"));
        Assert.Equal("0.0.0.0:9400", WorkloadFacts.Env(miner, "MINER_HTTP"));
        Assert.Equal("0.0.0.0:9401", WorkloadFacts.Env(generator, "LOADGEN_HTTP"));
        Assert.Equal("0.001", WorkloadFacts.Env(miner, "MINER_EPSILON"));
        Assert.Equal("kafka", WorkloadFacts.Env(miner, "MINER_CHECKPOINT_STORE"));
    }

    [Fact]
    public void The_runner_job_runs_the_k8s_backend_in_the_release_namespace()
    {
        var job = ChartUnderTest.Objects("strimzi").Single(o => o.Kind == "Job");
        var args = ((YamlSequenceNode)K8sObject.Find(WorkloadFacts.Containers(job).Single(), "args")!).Children.Select(a => ((YamlScalarNode)a).Value).ToList();
        Assert.Equal(["run", "--backend", "k8s", "--namespace", "bench", "--results", "/results", "/experiments/k8s-quick.yaml"], args);
        Assert.Equal("Never", job.Text("spec.template.spec.restartPolicy"));
        Assert.Equal("hb-runner", job.Text("spec.template.spec.serviceAccountName"));
        Assert.Equal("http://kube-prometheus-stack-prometheus.monitoring:9090", WorkloadFacts.Env(job, "HEURISTICS_BENCH_PROMETHEUS_URL"));
        Assert.EndsWith(",strimzi.io/broker-role=true", WorkloadFacts.Env(job, "HEURISTICS_BENCH_BROKER_SELECTOR"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_runner_aims_broker_faults_at_the_embedded_brokers_pod_labels()
    {
        var objects = ChartUnderTest.Objects("embedded");
        var job = objects.Single(o => o.Kind == "Job");
        var broker = objects.Single(o => o.Kind == "StatefulSet");
        var labels = broker.Strings("spec.template.metadata.labels");
        foreach (var pair in WorkloadFacts.Env(job, "HEURISTICS_BENCH_BROKER_SELECTOR").Split(','))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            Assert.Equal(pair[(eq + 1)..], labels[pair[..eq]]);
        }
        // external Kafka has no pods of ours: no broker selector, so broker faults use the runner's default
        Assert.ThrowsAny<Exception>(() => WorkloadFacts.Env(ChartUnderTest.Objects("external").Single(o => o.Kind == "Job"), "HEURISTICS_BENCH_BROKER_SELECTOR"));
    }

    [Fact]
    public void The_embedded_broker_advertises_its_service_and_keeps_data_on_a_claim()
    {
        var broker = ChartUnderTest.Objects("embedded").Single(o => o.Kind == "StatefulSet");
        var args = ((YamlSequenceNode)K8sObject.Find(WorkloadFacts.Containers(broker).Single(), "args")!).Children.Select(a => ((YamlScalarNode)a).Value).ToList();
        Assert.Equal("broker", args[0]);
        Assert.Equal("hb-broker.bench.svc.cluster.local", args[args.IndexOf("--advertised-host") + 1]);
        Assert.Equal("0.0.0.0", args[args.IndexOf("--bind") + 1]);
        Assert.Equal("/data", args[args.IndexOf("--data-dir") + 1]);
        Assert.Equal("10", args[args.IndexOf("--partitions") + 1]);
        Assert.Equal("+", args[args.IndexOf("--metrics-host") + 1]);
        Assert.Equal("2Gi", WorkloadFacts.Scalar(broker.List("spec.volumeClaimTemplates").Children[0], "spec.resources.requests.storage"));
        Assert.Equal("hb-broker", broker.Text("spec.serviceName"));
    }
}
