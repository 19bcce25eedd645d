using System.Text.Json.Nodes;
using HeuristicsBench.Experiments;
using static HeuristicsBench.ChaosMesh.Tests.Runs;

namespace HeuristicsBench.ChaosMesh.Tests;

public sealed class ChaosMeshMapperTests
{
    private static readonly (TimeSpan, TimeSpan) Window = (TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(90));

    private static ChaosObject Map(Fault fault, (TimeSpan, TimeSpan)? window = null) => ChaosMeshMapper.Map(fault, 1, 0, window ?? Window, Targets, "03-delay-50ms-i2");

    private static string Text(JsonNode? node) => node!.GetValue<string>();

    /// <summary>One fault of every supported kind and shape, with its expected kind.</summary>
    public static TheoryData<string, Fault, string> Supported => new()
    {
        { "delay", Fault(FaultKind.NetworkDelay, FaultTarget.Miner, Once(0, null), ("latency", Ms(100)), ("jitter", Ms(10)), ("correlation", N(25))), "NetworkChaos" },
        { "loss", Fault(FaultKind.PacketLoss, FaultTarget.Generator, Once(0, null), ("percent", N(0.5))), "NetworkChaos" },
        { "partition", Fault(FaultKind.NetworkPartition, FaultTarget.Miner, Once(0, null)), "NetworkChaos" },
        { "bandwidth", Fault(FaultKind.BandwidthLimit, FaultTarget.Miner, Once(0, null), ("rate", N(10_000_000))), "NetworkChaos" },
        { "pod-kill", Fault(FaultKind.PodKill, FaultTarget.Miner, Once(0, 0)), "PodChaos" },
        { "pod-failure", Fault(FaultKind.PodFailure, FaultTarget.Generator, Once(0, 30_000)), "PodChaos" },
        { "clock-skew", Fault(FaultKind.ClockSkew, FaultTarget.Miner, Once(0, null), ("offset", Ms(-600_000))), "TimeChaos" },
        { "cpu-stress", Fault(FaultKind.CpuStress, FaultTarget.Broker, Once(0, null), ("threads", N(4)), ("percent", N(80))), "StressChaos" },
        { "broker-kill", Fault(FaultKind.BrokerKill, FaultTarget.Broker, Once(0, 0)), "PodChaos" },
        { "broker-down", Fault(FaultKind.BrokerKill, FaultTarget.Broker, Once(0, 20_000)), "PodChaos" },
    };

    [Theory]
    [MemberData(nameof(Supported))]
    public void Every_generated_spec_is_valid_against_the_crd_schema(string label, Fault fault, string kind)
    {
        var chaos = Map(fault, fault.Kind is FaultKind.PodKill || (fault.Kind == FaultKind.BrokerKill && fault.Schedule.Duration == TimeSpan.Zero)
            ? (TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30)) : null);
        Assert.Equal(kind, chaos.Kind.Kind);
        Assert.Empty(CrdSchemaValidator.Validate(chaos.Spec, Schema(chaos.Kind)));
        Assert.True(label.Length > 0);
    }

    [Fact]
    public void The_schedules_embedded_spec_is_valid_against_its_kinds_schema()
    {
        var fault = Fault(FaultKind.NetworkDelay, FaultTarget.Miner, new FaultSchedule(TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2), 4), ("latency", Ms(200)));
        var schedule = ChaosMeshMapper.MapSchedule(fault, 0, TimeSpan.FromMinutes(8), Targets, "run");
        Assert.Equal("schedules", schedule.Kind.Plural);
        Assert.Equal("@every 2m", Text(schedule.Spec["schedule"]));
        Assert.Equal("Forbid", Text(schedule.Spec["concurrencyPolicy"]));
        Assert.Equal(3, schedule.Spec["historyLimit"]!.GetValue<int>());
        Assert.Equal("NetworkChaos", Text(schedule.Spec["type"]));
        Assert.Equal("30s", Text(schedule.Spec["networkChaos"]!["duration"]));
        Assert.Empty(CrdSchemaValidator.Validate(schedule.Spec["networkChaos"], Schema(ChaosKind.NetworkChaos)));
    }

    [Fact]
    public void The_validator_rejects_a_wrong_object()
    {
        var spec = Map(Fault(FaultKind.NetworkDelay, FaultTarget.Miner, Once(0, null), ("latency", Ms(100)))).Spec;
        spec["mode"] = "most";
        spec["delay"]!.AsObject().Remove("latency");
        spec["latencyMs"] = 100;
        spec["bandwidth"] = new JsonObject { ["rate"] = "1kbps", ["limit"] = 0, ["buffer"] = "big" };
        var errors = CrdSchemaValidator.Validate(spec, Schema(ChaosKind.NetworkChaos));
        Assert.Contains(errors, e => e.StartsWith("spec.mode: \"most\" is not one of", StringComparison.Ordinal));
        Assert.Contains("spec.delay: missing required field 'latency'", errors);
        Assert.Contains("spec: unknown field 'latencyMs' (the API server would prune it)", errors);
        Assert.Contains("spec.bandwidth.limit: 0 is below the minimum 1", errors);
        Assert.Contains("spec.bandwidth.buffer: expected integer, got \"big\"", errors);
    }

    [Fact]
    public void Network_delay_targets_the_kafka_pods_from_the_client_with_chaos_mesh_durations()
    {
        var chaos = Map(Fault(FaultKind.NetworkDelay, FaultTarget.Miner, Once(0, null), ("latency", Ms(1500)), ("jitter", Ms(10)), ("correlation", N(25))));
        var spec = chaos.Spec;
        Assert.Equal("delay", Text(spec["action"]));
        Assert.Equal("all", Text(spec["mode"]));
        Assert.Equal("to", Text(spec["direction"]));
        Assert.Equal("1s500ms", Text(spec["delay"]!["latency"]));
        Assert.Equal("10ms", Text(spec["delay"]!["jitter"]));
        Assert.Equal("25", Text(spec["delay"]!["correlation"]));
        Assert.Equal("1m", Text(spec["duration"]));
        Assert.Equal("bench", Text(spec["selector"]!["namespaces"]![0]));
        Assert.Equal("heuristics-miner", Text(spec["selector"]!["labelSelectors"]!["app.kubernetes.io/name"]));
        Assert.Equal("kafka", Text(spec["target"]!["selector"]!["namespaces"]![0]));
        Assert.Equal("kafka", Text(spec["target"]!["selector"]!["labelSelectors"]!["strimzi.io/cluster"]));
        Assert.Equal("true", Text(spec["target"]!["selector"]!["labelSelectors"]!["strimzi.io/broker-role"]));
    }

    [Fact]
    public void Other_kinds_carry_their_parameters()
    {
        Assert.Equal("0.5", Text(Map(Fault(FaultKind.PacketLoss, FaultTarget.Miner, Once(0, null), ("percent", N(0.5)))).Spec["loss"]!["loss"]));
        Assert.Equal("both", Text(Map(Fault(FaultKind.NetworkPartition, FaultTarget.Miner, Once(0, null))).Spec["direction"]));
        var bandwidth = Map(Fault(FaultKind.BandwidthLimit, FaultTarget.Miner, Once(0, null), ("rate", N(500)))).Spec["bandwidth"]!;
        Assert.Equal("500kbps", Text(bandwidth["rate"]));
        Assert.Equal(50_000, bandwidth["buffer"]!.GetValue<int>());
        var kill = Map(Fault(FaultKind.PodKill, FaultTarget.Generator, Once(0, 0))).Spec;
        Assert.Equal("pod-kill", Text(kill["action"]));
        Assert.Equal("load-generator", Text(kill["selector"]!["labelSelectors"]!["app.kubernetes.io/name"]));
        Assert.Null(kill["duration"]);
        Assert.Equal("pod-failure", Text(Map(Fault(FaultKind.BrokerKill, FaultTarget.Broker, Once(0, 20_000))).Spec["action"]));
        Assert.Equal("pod-kill", Text(Map(Fault(FaultKind.BrokerKill, FaultTarget.Broker, Once(0, 0)), (TimeSpan.Zero, TimeSpan.Zero)).Spec["action"]));
        Assert.Equal("-10m", Text(Map(Fault(FaultKind.ClockSkew, FaultTarget.Miner, Once(0, null), ("offset", Ms(-600_000)))).Spec["timeOffset"]));
        var stress = Map(Fault(FaultKind.CpuStress, FaultTarget.Miner, Once(0, null), ("threads", N(3)), ("percent", N(33.6))));
        Assert.Equal(3, stress.Spec["stressors"]!["cpu"]!["workers"]!.GetValue<int>());
        Assert.Equal(34, stress.Spec["stressors"]!["cpu"]!["load"]!.GetValue<int>());
        Assert.Contains("rounded to 34%", stress.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_are_dns_labels_unique_per_run_fault_and_repetition_and_objects_carry_the_run_label()
    {
        var fault = Fault(FaultKind.PodFailure, FaultTarget.Miner, Once(0, 1000));
        var longId = "12-" + new string('x', 120) + "-i3";
        var names = new[]
        {
            ChaosMeshMapper.Map(fault, 0, 0, Window, Targets, "00-a-i1").Name,
            ChaosMeshMapper.Map(fault, 0, 1, Window, Targets, "00-a-i1").Name,
            ChaosMeshMapper.Map(fault, 1, 0, Window, Targets, "00-a-i1").Name,
            ChaosMeshMapper.Map(fault, 0, 0, Window, Targets, "00-a-i2").Name,
            ChaosMeshMapper.Map(fault, 0, 0, Window, Targets, longId).Name,
            ChaosMeshNames.ForSchedule(longId, 0),
        };
        Assert.Equal(names.Length, names.Distinct().Count());
        Assert.All(names, n => Assert.Matches("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", n));
        Assert.All(names, n => Assert.True(n.Length <= 40, n));
        var label = ChaosMeshMapper.Map(fault, 0, 0, Window, Targets, longId).Labels[ChaosMeshNames.RunLabel];
        Assert.True(label.Length <= 63);
        Assert.Matches("^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$", label);
        Assert.Equal("00-a-i1", ChaosMeshNames.RunLabelValue("00-a-i1"));
    }

    [Fact]
    public void Validation_reports_every_unsupported_combination_together()
    {
        var run = Run(TimeSpan.FromMinutes(10),
            Fault(FaultKind.ConnectionLoss, FaultTarget.Miner, Once(0, null), ("percent", N(10))),
            Fault(FaultKind.ClockSkew, FaultTarget.Generator, Once(0, null), ("drift", N(100))),
            Fault(FaultKind.PodFailure, FaultTarget.Miner, new FaultSchedule(TimeSpan.Zero, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1), 3)),
            Fault(FaultKind.NetworkDelay, FaultTarget.Miner, Once(0, null), ("latency", Ms(10))));
        var problems = ChaosMeshMapper.Validate(run, Targets);
        Assert.Equal(3, problems.Count);
        Assert.StartsWith("faults[0] (connection-loss on miner): ", problems[0], StringComparison.Ordinal);
        Assert.Contains("no action that resets", problems[0], StringComparison.Ordinal);
        Assert.StartsWith("faults[1] (clock-skew on generator): drift 100 ppm", problems[1], StringComparison.Ordinal);
        Assert.StartsWith("faults[2] (pod-failure on miner): ", problems[2], StringComparison.Ordinal);
        Assert.Contains("no gap", problems[2], StringComparison.Ordinal);
        Assert.Throws<ChaosMeshUnsupportedException>(() => Map(run.Faults[1]));
    }

    [Fact]
    public void An_empty_selector_is_refused_rather_than_selecting_the_whole_namespace()
    {
        var targets = Targets with { Miner = new PodSelector("bench", new Dictionary<string, string>()) };
        var problems = ChaosMeshMapper.Validate(Run(TimeSpan.FromMinutes(1), Fault(FaultKind.PodKill, FaultTarget.Miner, Once(0, 0))), targets);
        Assert.Contains("would select every pod in namespace bench", Assert.Single(problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Experiment_validation_names_the_scenario()
    {
        var yaml = """
            name: x
            workload: { model: assembly-line, rate: 10, duration: 2m, seed: 1 }
            scenarios:
              - name: skew
                faults:
                  - { kind: clock-skew, target: miner, drift: 20 }
            """;
        var experiment = ExperimentParser.Parse(yaml, "x.yaml");
        var error = Assert.Throws<ChaosMeshUnsupportedException>(() => ChaosMeshMapper.EnsureSupported(experiment, Targets));
        Assert.StartsWith("scenario 'skew', faults[0] (clock-skew on miner): drift 20 ppm", Assert.Single(error.Problems), StringComparison.Ordinal);
        Assert.Contains("nothing was applied", error.Message, StringComparison.Ordinal);
    }

    private static JsonObject Schema(ChaosKind kind) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "crds", kind.Plural + ".spec.json")))!["spec"]!.AsObject();
}
