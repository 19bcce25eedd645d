namespace HeuristicsBench.Experiments.Tests;

public class ErrorLocationTests
{
    // Lines 1-5; scenarios are appended from line 6 on.
    private const string Header = "name: t\nworkload:\n  model: assembly-line\n  rate: 10\n  duration: 60s\n";

    private static ExperimentFormatException Fail(string yaml) =>
        Assert.Throws<ExperimentFormatException>(() => ExperimentParser.Parse(yaml, "exp.yaml"));

    private static void AssertError(string yaml, int line, string field, string fragment)
    {
        var error = Fail(yaml);
        Assert.Equal("exp.yaml", error.SourceName);
        Assert.Equal(line, error.Line);
        Assert.Equal(field, error.FieldPath);
        Assert.Contains(fragment, error.Reason, StringComparison.Ordinal);
        Assert.StartsWith($"exp.yaml:{line}:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_key_names_its_line_and_suggests_the_near_miss() =>
        AssertError("name: t\nworkload:\n  model: m\n  rate: 10\n  durration: 60s\nscenarios: [{name: a}]\n",
            5, "workload.durration", "did you mean 'duration'?");

    [Fact]
    public void Unknown_key_far_from_every_name_has_no_suggestion()
    {
        var error = Fail(Header + "scenarios: [{name: a}]\nflavour: mint\n");
        Assert.Equal(7, error.Line);
        Assert.DoesNotContain("did you mean", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_type_names_the_field() =>
        AssertError("name: t\nworkload:\n  model: m\n  rate: fast\n  duration: 60s\nscenarios: [{name: a}]\n",
            4, "workload.rate", "expected a number, found 'fast'");

    [Fact]
    public void A_list_where_a_mapping_belongs_is_a_type_error() =>
        AssertError(Header + "system: [1, 2]\nscenarios: [{name: a}]\n", 6, "system", "expected the system as a mapping, found a list");

    [Fact]
    public void Missing_required_field_points_at_its_parent() =>
        AssertError("name: t\nworkload:\n  rate: 10\n  duration: 60s\nscenarios: [{name: a}]\n", 3, "workload.model", "missing required field 'model'");

    [Fact]
    public void Missing_scenarios_is_an_error_at_the_root() =>
        AssertError(Header, 1, "scenarios", "missing required field 'scenarios'");

    [Fact]
    public void Out_of_range_fault_parameter_names_the_nested_path() =>
        AssertError(Header + "scenarios:\n  - name: base\n  - name: loss\n    faults:\n      - kind: packet-loss\n        target: miner\n        percent: 150\n",
            12, "scenarios[1].faults[0].percent", "out of range");

    [Fact]
    public void Unknown_fault_kind_suggests_the_near_miss() =>
        AssertError(Header + "scenarios:\n  - name: a\n    faults:\n      - kind: network-dealy\n        target: miner\n",
            9, "scenarios[0].faults[0].kind", "did you mean 'network-delay'?");

    [Fact]
    public void Unknown_target_is_rejected() =>
        AssertError(Header + "scenarios:\n  - name: a\n    faults:\n      - kind: pod-kill\n        target: minner\n",
            10, "scenarios[0].faults[0].target", "did you mean 'miner'?");

    [Fact]
    public void A_target_the_kind_cannot_hit_is_rejected() =>
        AssertError(Header + "scenarios:\n  - name: a\n    faults:\n      - kind: broker-kill\n        target: miner\n",
            10, "scenarios[0].faults[0].target", "broker-kill cannot target miner");

    [Fact]
    public void Parameter_of_another_kind_is_an_unknown_key() =>
        AssertError(Header + "scenarios:\n  - name: a\n    faults:\n      - kind: pod-failure\n        target: miner\n        latency: 10ms\n",
            11, "scenarios[0].faults[0].latency", "unknown key 'latency' in a pod-failure fault");

    [Fact]
    public void Schedule_that_ends_after_the_run_is_rejected() =>
        AssertError(Header + "scenarios:\n  - name: a\n    faults:\n      - kind: pod-failure\n        target: miner\n        schedule:\n          start: 40s\n          duration: 30s\n",
            12, "scenarios[0].faults[0].schedule", "ends at 1m10s, after workload.duration 1m");

    [Fact]
    public void Repetitions_that_do_not_fit_are_rejected() =>
        AssertError(Header + "scenarios:\n  - name: a\n    faults:\n      - kind: pod-failure\n        target: miner\n        schedule: { start: 10s, duration: 5s, every: 20s, count: 4 }\n",
            11, "scenarios[0].faults[0].schedule", "ends at 1m15s");

    [Fact]
    public void Overlapping_repetitions_are_rejected() =>
        AssertError(Header + "scenarios:\n  - name: a\n    faults:\n      - kind: pod-failure\n        target: miner\n        schedule: { duration: 20s, every: 10s, count: 2 }\n",
            11, "scenarios[0].faults[0].schedule.every", "repetitions would overlap");

    [Fact]
    public void Pod_failure_needs_a_duration() =>
        AssertError(Header + "scenarios:\n  - name: a\n    faults:\n      - kind: pod-failure\n        target: miner\n        schedule: { start: 10s }\n",
            11, "scenarios[0].faults[0].schedule.duration", "missing required field 'duration' for pod-failure");

    [Fact]
    public void Pod_kill_takes_no_duration() =>
        AssertError(Header + "scenarios:\n  - name: a\n    faults:\n      - kind: pod-kill\n        target: miner\n        schedule:\n          duration: 5s\n",
            12, "scenarios[0].faults[0].schedule.duration", "instantaneous");

    [Fact]
    public void Sweep_of_a_missing_fault_is_rejected() =>
        AssertError(Header + "scenarios:\n  - name: a\n    faults:\n      - { kind: network-delay, target: miner, latency: 10ms }\n    sweep:\n      parameter: faults[1].latency\n      values: [10ms]\n",
            11, "scenarios[0].sweep.parameter", "no fault at index 1");

    [Fact]
    public void Sweep_of_a_parameter_the_fault_does_not_have_suggests_the_near_miss() =>
        AssertError(Header + "scenarios:\n  - name: a\n    faults:\n      - { kind: network-delay, target: miner, latency: 10ms }\n    sweep:\n      parameter: faults[0].latncy\n      values: [10ms]\n",
            11, "scenarios[0].sweep.parameter", "did you mean 'latency'?");

    [Fact]
    public void Sweep_values_are_checked_against_the_parameter_type() =>
        AssertError(Header + "scenarios:\n  - name: a\n    faults:\n      - { kind: network-delay, target: miner }\n    sweep:\n      parameter: faults[0].latency\n      values: [10ms, 20]\n",
            12, "scenarios[0].sweep.values[1]", "'20' is not a duration");

    [Fact]
    public void Sweep_range_running_backwards_is_rejected() =>
        AssertError(Header + "scenarios:\n  - name: a\n    faults:\n      - { kind: cpu-stress, target: miner, threads: 1 }\n    sweep:\n      parameter: faults[0].percent\n      from: 50\n      to: 10\n      step: 10\n",
            11, "scenarios[0].sweep", "is from above to?");

    [Fact]
    public void Duplicate_scenario_names_are_rejected() =>
        AssertError(Header + "scenarios:\n  - name: a\n  - name: a\n", 8, "scenarios[1].name", "duplicate scenario name");

    [Fact]
    public void Invalid_yaml_reports_its_position() =>
        AssertError("name: t\nworkload: [a\nscenarios: {}\n", 2, "(yaml)", "invalid YAML");

    [Fact]
    public void Empty_file_is_rejected() =>
        AssertError("# nothing\n", 1, "(root)", "the file is empty");
}
