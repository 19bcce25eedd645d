using HeuristicsBench.Chart.Tests.Rendering;
using HeuristicsBench.Chart.Tests.Support;

namespace HeuristicsBench.Chart.Tests;

/// <summary>strimzi deploys Strimzi resources and no broker, embedded the reverse, external neither.</summary>
public sealed class KafkaModeTests
{
    private static readonly string[] StrimziKinds = ["Kafka", "KafkaNodePool", "KafkaTopic"];

    [Fact]
    public void Strimzi_mode_has_a_single_kraft_node_and_the_topics()
    {
        var objects = ChartUnderTest.Objects("strimzi", ("kafka.topic.partitions", 12.0));
        Assert.DoesNotContain(objects, o => o.Kind == "StatefulSet");
        var kafka = objects.Single(o => o.Kind == "Kafka");
        Assert.Equal("kafka.strimzi.io/v1beta2", kafka.Text("apiVersion"));
        Assert.Equal("enabled", kafka.Strings("metadata.annotations")["strimzi.io/kraft"]);
        Assert.Equal("enabled", kafka.Strings("metadata.annotations")["strimzi.io/node-pools"]);
        var pool = objects.Single(o => o.Kind == "KafkaNodePool");
        Assert.Equal(kafka.Name, pool.Strings("metadata.labels")["strimzi.io/cluster"]);
        Assert.Equal("1", pool.Text("spec.replicas"));
        Assert.Equal(["controller", "broker"], pool.List("spec.roles").Children.Select(r => r.ToString()));
        var topics = objects.Where(o => o.Kind == "KafkaTopic").ToDictionary(t => t.Text("spec.topicName")!, StringComparer.Ordinal);
        Assert.Equal("12", topics["events"].Text("spec.partitions"));
        Assert.Equal("compact", topics["heuristics-miner.checkpoints"].Strings("spec.config")["cleanup.policy"]);
        Assert.All(topics.Values, t => Assert.Equal(kafka.Name, t.Strings("metadata.labels")["strimzi.io/cluster"]));
        Assert.Contains("models", topics.Keys);
        Assert.Contains("events.truth", topics.Keys);
        Assert.Contains("events.dlq", topics.Keys);
    }

    [Fact]
    public void Embedded_mode_has_the_broker_and_no_strimzi_resources()
    {
        var objects = ChartUnderTest.Objects("embedded");
        Assert.DoesNotContain(objects, o => StrimziKinds.Contains(o.Kind));
        Assert.Single(objects, o => o.Kind == "StatefulSet" && o.Name == "hb-broker");
        var service = objects.Single(o => o.Kind == "Service" && o.Name == "hb-broker");
        Assert.Equal("None", service.Text("spec.clusterIP"));
    }

    [Fact]
    public void External_mode_deploys_no_kafka()
    {
        var objects = ChartUnderTest.Objects("external");
        Assert.DoesNotContain(objects, o => StrimziKinds.Contains(o.Kind) || o.Kind == "StatefulSet" || o.Name.Contains("broker", StringComparison.Ordinal));
    }

    [Fact]
    public void External_mode_without_a_bootstrap_is_refused()
    {
        var e = Assert.Throws<TemplateException>(() => ChartUnderTest.Files("external", ("kafka.external.bootstrap", "")));
        Assert.Contains("kafka.external.bootstrap is required", e.Message, StringComparison.Ordinal);
        Assert.Contains("templates/_helpers.tpl:", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_mode_is_refused_naming_it()
    {
        var e = Assert.Throws<TemplateException>(() => ChartUnderTest.Files("zookeeper"));
        Assert.Contains("not zookeeper", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ephemeral_strimzi_storage_has_no_size()
    {
        var pool = ChartUnderTest.Objects("strimzi", ("kafka.strimzi.storage.type", "ephemeral")).Single(o => o.Kind == "KafkaNodePool");
        var volume = pool.List("spec.storage.volumes").Children.Single();
        Assert.Equal("ephemeral", WorkloadFacts.Scalar(volume, "type"));
        Assert.Null(WorkloadFacts.Scalar(volume, "size"));
    }
}
