namespace HeuristicsBench.Experiments;

/// <summary>
/// What the file may say about one fault kind: its name in YAML, the targets it can hit, its parameters and
/// how its schedule's duration is read. The parser, the sweep path check and docs/experiments.md follow this table.
/// </summary>
public sealed record FaultKindSpec(
    FaultKind Kind,
    string Name,
    IReadOnlyList<FaultTarget> Targets,
    IReadOnlyList<FaultParameterSpec> Parameters,
    ScheduleDurationRule DurationRule)
{
    private static readonly FaultTarget[] Clients = [FaultTarget.Miner, FaultTarget.Generator];
    private static readonly FaultTarget[] Anything = [FaultTarget.Miner, FaultTarget.Generator, FaultTarget.Broker];
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan MaxSkew = TimeSpan.FromDays(365);

    public static IReadOnlyList<FaultKindSpec> All { get; } =
    [
        new(FaultKind.NetworkDelay, "network-delay", Clients,
            [
                FaultParameterSpec.Duration("latency", required: true, TimeSpan.FromMilliseconds(1), MaxDelay),
                FaultParameterSpec.Duration("jitter", required: false, TimeSpan.Zero, MaxDelay),
                FaultParameterSpec.Number("correlation", required: false, 0, 0, 100),
            ], ScheduleDurationRule.UntilEndByDefault),
        new(FaultKind.PacketLoss, "packet-loss", Clients,
            [FaultParameterSpec.Number("percent", required: true, 0, 0.01, 100)], ScheduleDurationRule.UntilEndByDefault),
        new(FaultKind.ConnectionLoss, "connection-loss", Clients,
            [FaultParameterSpec.Number("percent", required: true, 0, 0.01, 100)], ScheduleDurationRule.UntilEndByDefault),
        new(FaultKind.NetworkPartition, "network-partition", Clients, [], ScheduleDurationRule.UntilEndByDefault),
        new(FaultKind.BandwidthLimit, "bandwidth-limit", Clients,
            [FaultParameterSpec.Number("rate", required: true, 0, 1, 10_000_000, wholeNumber: true)], ScheduleDurationRule.UntilEndByDefault),
        new(FaultKind.PodKill, "pod-kill", Clients, [], ScheduleDurationRule.Forbidden),
        new(FaultKind.PodFailure, "pod-failure", Clients, [], ScheduleDurationRule.Required),
        new(FaultKind.ClockSkew, "clock-skew", Clients,
            [
                FaultParameterSpec.SignedDuration("offset", required: false, -MaxSkew, MaxSkew),
                FaultParameterSpec.Number("drift", required: false, 0, -1_000_000, 1_000_000),
            ], ScheduleDurationRule.UntilEndByDefault),
        new(FaultKind.CpuStress, "cpu-stress", Anything,
            [
                FaultParameterSpec.Number("threads", required: true, 0, 1, 256, wholeNumber: true),
                FaultParameterSpec.Number("percent", required: true, 0, 1, 100),
            ], ScheduleDurationRule.UntilEndByDefault),
        new(FaultKind.BrokerKill, "broker-kill", [FaultTarget.Broker], [], ScheduleDurationRule.ZeroByDefault),
    ];

    public static FaultKindSpec For(FaultKind kind) => All.First(s => s.Kind == kind);

    public FaultParameterSpec? Parameter(string name) => Parameters.FirstOrDefault(p => p.Name == name);
}

/// <summary>How a fault kind reads <c>schedule.duration</c>.</summary>
public enum ScheduleDurationRule
{
    /// <summary>Optional; absent means active until the end of the run.</summary>
    UntilEndByDefault,

    /// <summary>Must be given (pod-failure: how long the process stays down).</summary>
    Required,

    /// <summary>Must not be given: the fault is an instant (pod-kill: SIGKILL and immediate restart).</summary>
    Forbidden,

    /// <summary>Optional; absent means zero (broker-kill: restarted at once; a duration keeps it down that long).</summary>
    ZeroByDefault,
}
