using HeuristicsBench.Chart.Tests.Support;

namespace HeuristicsBench.Chart.Tests;

/// <summary>Every template renders and parses as YAML for each Kafka mode, with one miner and with several.</summary>
public sealed class ChartStructureTests
{
    public static TheoryData<string, double> ModesAndReplicas()
    {
        var data = new TheoryData<string, double>();
        foreach (var mode in ChartUnderTest.Modes)
        {
            data.Add(mode, 1);
            data.Add(mode, 3);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(ModesAndReplicas))]
    public void Every_object_has_apiVersion_kind_and_name(string mode, double replicas)
    {
        var objects = ChartUnderTest.Objects(mode, ("miner.replicas", replicas));
        Assert.NotEmpty(objects);
        foreach (var o in objects)
        {
            Assert.False(string.IsNullOrEmpty(o.Text("apiVersion")), $"{o}: no apiVersion");
            Assert.False(string.IsNullOrEmpty(o.Kind), $"{o}: no kind");
            Assert.False(string.IsNullOrEmpty(o.Name), $"{o}: no metadata.name");
            Assert.True(o.Name.Length <= 63 && !o.Name.Any(char.IsUpper), $"{o}: not a DNS label");
        }
        var duplicates = objects.GroupBy(o => (o.Kind, o.Name)).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.Empty(duplicates);
    }

    [Theory]
    [MemberData(nameof(ModesAndReplicas))]
    public void The_miner_has_the_configured_replicas(string mode, double replicas)
    {
        var miner = ChartUnderTest.Objects(mode, ("miner.replicas", replicas)).Single(o => o.Kind == "Deployment" && o.Name == "hb-miner");
        Assert.Equal(replicas.ToString(System.Globalization.CultureInfo.InvariantCulture), miner.Text("spec.replicas"));
    }

    [Theory]
    [InlineData("strimzi")]
    [InlineData("embedded")]
    [InlineData("external")]
    public void Notes_render_and_name_the_bootstrap(string mode)
    {
        var notes = ChartUnderTest.Files(mode).Single(f => f.Name == "templates/NOTES.txt");
        var bootstrap = Assert.Single(ChartUnderTest.Objects(mode), o => o.Name == "hb-miner" && o.Kind == "Deployment");
        var env = WorkloadFacts.Env(bootstrap, "MINER_BOOTSTRAP");
        Assert.Contains(env, notes.Text, StringComparison.Ordinal);
        Assert.Contains("sch_netem", notes.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Turning_off_the_generator_runner_and_monitoring_leaves_a_consistent_chart()
    {
        var objects = ChartUnderTest.Objects("embedded", ("loadGenerator.enabled", false), ("runner.enabled", false), ("monitoring.enabled", false));
        Assert.DoesNotContain(objects, o => o.Name.Contains("load-generator", StringComparison.Ordinal) || o.Name.Contains("runner", StringComparison.Ordinal));
        Assert.DoesNotContain(objects, o => o.Kind is "ServiceMonitor" or "PodMonitor");
        Assert.Contains(objects, o => o.Name == "hb-miner");
    }
}
