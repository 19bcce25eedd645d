using System.Text.Json;
using System.Text.RegularExpressions;
using HeuristicsBench.Chart.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace HeuristicsBench.Chart.Tests;

/// <summary>Monitors select the chart's pods on ports that exist; the dashboard is valid JSON over metrics that exist.</summary>
public sealed partial class MonitoringTests
{
    public static TheoryData<string> Modes() => new(ChartUnderTest.Modes);

    [Theory]
    [MemberData(nameof(Modes))]
    public void Service_monitors_reach_the_miner_and_generator_pods_on_their_http_ports(string mode)
    {
        var objects = ChartUnderTest.Objects(mode);
        var monitors = objects.Where(o => o.Kind == "ServiceMonitor").ToList();
        Assert.Equal(2, monitors.Count);
        foreach (var monitor in monitors)
        {
            Assert.Equal("monitoring.coreos.com/v1", monitor.Text("apiVersion"));
            Assert.Equal("kube-prometheus-stack", monitor.Strings("metadata.labels")["release"]);
            var selector = monitor.Strings("spec.selector.matchLabels");
            var service = Assert.Single(objects, o => o.Kind == "Service" && Matches(selector, o.Strings("metadata.labels")));
            var endpoint = monitor.List("spec.endpoints").Children.Single();
            Assert.Equal("/metrics", WorkloadFacts.Scalar(endpoint, "path"));
            var port = WorkloadFacts.Scalar(endpoint, "port");
            Assert.Contains(port, service.List("spec.ports").Children.Select(p => WorkloadFacts.Scalar(p, "name")));
            var workload = Assert.Single(objects, o => o.Kind == "Deployment" && Matches(service.Strings("spec.selector"), o.Strings("spec.template.metadata.labels")));
            Assert.Contains(port, ContainerPorts(workload));
        }
    }

    [Fact]
    public void The_embedded_broker_pod_monitor_selects_the_broker_pod_on_its_metrics_port()
    {
        var objects = ChartUnderTest.Objects("embedded");
        var monitor = objects.Single(o => o.Kind == "PodMonitor");
        var broker = objects.Single(o => o.Kind == "StatefulSet");
        Assert.True(Matches(monitor.Strings("spec.selector.matchLabels"), broker.Strings("spec.template.metadata.labels")));
        var port = WorkloadFacts.Scalar(monitor.List("spec.podMetricsEndpoints").Children.Single(), "port");
        Assert.Contains(port, ContainerPorts(broker));
    }

    [Fact]
    public void The_strimzi_pod_monitor_selects_the_kafka_exporter_of_the_chart_s_cluster()
    {
        var objects = ChartUnderTest.Objects("strimzi");
        var kafka = objects.Single(o => o.Kind == "Kafka");
        Assert.NotNull(kafka.Node("spec.kafkaExporter"));
        var selector = objects.Single(o => o.Kind == "PodMonitor").Strings("spec.selector.matchLabels");
        Assert.Equal(kafka.Name, selector["strimzi.io/cluster"]);
        Assert.Equal(kafka.Name + "-kafka-exporter", selector["strimzi.io/name"]);
        Assert.DoesNotContain(ChartUnderTest.Objects("strimzi", ("kafka.strimzi.kafkaExporter", false)), o => o.Kind == "PodMonitor");
        Assert.DoesNotContain(ChartUnderTest.Objects("external"), o => o.Kind == "PodMonitor");
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void The_dashboard_config_map_holds_json_with_the_panels_and_fault_annotations(string mode)
    {
        var map = ChartUnderTest.Objects(mode).Single(o => o.Kind == "ConfigMap" && o.Name == "hb-dashboard");
        Assert.Equal("1", map.Strings("metadata.labels")["grafana_dashboard"]);
        using var json = JsonDocument.Parse(map.Strings("data")["heuristics-bench.json"]);
        var titles = json.RootElement.GetProperty("panels").EnumerateArray().Select(p => p.GetProperty("title").GetString()!.ToLowerInvariant()).ToList();
        foreach (var topic in new[] { "lag", "throughput", "latency", "fidelity" })
            Assert.Contains(titles, t => t.Contains(topic, StringComparison.Ordinal));
        var annotations = json.RootElement.GetProperty("annotations").GetProperty("list").EnumerateArray().Select(a => a.GetProperty("expr").GetString()!).ToList();
        Assert.Contains(annotations, a => a.Contains("chaos_controller_manager_chaos_experiments", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_miner_and_generator_metric_the_dashboard_queries_is_defined_in_the_code()
    {
        var code = File.ReadAllText(Path.Combine(ChartUnderTest.RepositoryRoot, "src/HeuristicsMiner/Serving/MinerMetrics.cs")) +
                   File.ReadAllText(Path.Combine(ChartUnderTest.RepositoryRoot, "src/LoadGenerator/Production/ProduceMetrics.cs"));
        var dashboard = File.ReadAllText(Path.Combine(ChartUnderTest.Directory, "dashboards/heuristics-bench.json"));
        var used = OurMetric().Matches(dashboard).Select(m => m.Value).Distinct().ToList();
        Assert.NotEmpty(used);
        foreach (var metric in used)
        {
            var defined = Regex.Replace(metric, "_(bucket|count|sum)$", "");
            Assert.True(code.Contains($"\"{defined}\"", StringComparison.Ordinal), $"the dashboard queries {metric}, which neither service defines");
        }
    }

    private static bool Matches(Dictionary<string, string> selector, Dictionary<string, string> labels) =>
        selector.Count > 0 && selector.All(kv => labels.TryGetValue(kv.Key, out var v) && v == kv.Value);

    private static IEnumerable<string?> ContainerPorts(K8sObject workload) =>
        WorkloadFacts.Containers(workload).SelectMany(c => ((YamlSequenceNode)K8sObject.Find(c, "ports")!).Children.Select(p => WorkloadFacts.Scalar(p, "name")));

    [GeneratedRegex(@"\b(heuristics_miner|loadgen)_[a-z_]+")]
    private static partial Regex OurMetric();
}
