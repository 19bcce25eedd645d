using System.Globalization;
using System.Text.Json.Nodes;
using HeuristicsBench.Experiments;

namespace HeuristicsBench.ChaosMesh;

/// <summary>
/// Maps experiment faults to Chaos Mesh v2.7 objects (pure: no I/O). One window of a fault becomes one NetworkChaos,
/// PodChaos, TimeChaos or StressChaos whose <c>duration</c> is the window's length, so Chaos Mesh recovers it by itself
/// even if the runner dies; the repetitions after the first of a repeated fault come from one Schedule
/// (<see cref="MapSchedule"/>). <see cref="Validate(ExperimentRun, ChaosMeshTargets)"/> lists what cannot be mapped.
/// </summary>
public static class ChaosMeshMapper
{
    /// <summary>tc tbf queue limit for bandwidth-limit, in bytes (Chaos Mesh requires one; 20 MiB queues a few seconds at typical rates).</summary>
    public const int BandwidthLimitBytes = 20 * 1024 * 1024;

    /// <summary>Smallest tbf bucket, in bytes: tbf needs at least one MTU-sized packet's worth of tokens.</summary>
    public const int MinBandwidthBufferBytes = 10_000;

    /// <summary>The object for one window [start, end) of a fault; the mapping refuses what <see cref="Validate(ExperimentRun, ChaosMeshTargets)"/> reports.</summary>
    public static ChaosObject Map(Fault fault, int faultIndex, int repetition, (TimeSpan Start, TimeSpan End) window, ChaosMeshTargets targets, string runId)
    {
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentNullException.ThrowIfNull(targets);
        var problems = Problems(fault, targets);
        if (problems.Count > 0)
            throw new ChaosMeshUnsupportedException([.. problems.Select(p => $"faults[{faultIndex}] ({Describe(fault)}): {p}")]);
        var (kind, spec, note) = Spec(fault, targets, window.End - window.Start);
        return new ChaosObject(kind, ChaosMeshNames.ForWindow(runId, faultIndex, repetition), ChaosMeshNames.Labels(runId, faultIndex, repetition), spec, note);
    }

    /// <summary>
    /// The Schedule for the repetitions after the first of a repeated fault (<c>count</c> &gt; 1): <c>@every</c> the
    /// fault's <c>every</c>, Forbid concurrency, the inner object as for one window. Chaos Mesh fires <c>@every</c> first
    /// one interval after creation, so the Schedule is created at the first window's start (whose object is created
    /// directly, with <see cref="Map"/>) and fires at the second, third, ... window's start; it is deleted after the last.
    /// </summary>
    public static ChaosObject MapSchedule(Fault fault, int faultIndex, TimeSpan runDuration, ChaosMeshTargets targets, string runId)
    {
        ArgumentNullException.ThrowIfNull(fault);
        if (fault.Schedule.Count < 2 || fault.Schedule.Every is not { } every)
            throw new ArgumentException($"faults[{faultIndex}] is not repeated (count {fault.Schedule.Count}); it needs no Schedule", nameof(fault));
        var window = fault.Schedule.Windows(runDuration)[1];
        var inner = Map(fault, faultIndex, 1, window, targets, runId);
        var spec = new JsonObject
        {
            ["schedule"] = "@every " + ChaosMeshDuration.Format(every),
            ["concurrencyPolicy"] = "Forbid",
            ["historyLimit"] = fault.Schedule.Count - 1,
            ["type"] = inner.Kind.Kind,
            [inner.Kind.ScheduleField] = inner.Spec.DeepClone(),
        };
        return new ChaosObject(ChaosKind.Schedule, ChaosMeshNames.ForSchedule(runId, faultIndex), ChaosMeshNames.Labels(runId, faultIndex, null), spec, inner.Note);
    }

    /// <summary>Every problem of every run of the experiment, each named by scenario and fault (empty: all supported).</summary>
    public static IReadOnlyList<string> Validate(Experiment experiment, ChaosMeshTargets targets)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        var problems = new List<string>();
        foreach (var run in RunExpander.Expand(experiment))
        {
            foreach (var p in Validate(run, targets))
            {
                var line = $"scenario '{run.Scenario}', {p}";
                if (!problems.Contains(line))
                    problems.Add(line);
            }
        }
        return problems;
    }

    /// <summary>Every problem of one run's faults, each naming the fault (empty: all supported).</summary>
    public static IReadOnlyList<string> Validate(ExperimentRun run, ChaosMeshTargets targets)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(targets);
        var problems = new List<string>();
        for (var i = 0; i < run.Faults.Count; i++)
            problems.AddRange(Problems(run.Faults[i], targets).Select(p => $"faults[{i}] ({Describe(run.Faults[i])}): {p}"));
        return problems;
    }

    /// <summary>Throws <see cref="ChaosMeshUnsupportedException"/> listing every problem of the experiment.</summary>
    public static void EnsureSupported(Experiment experiment, ChaosMeshTargets targets)
    {
        var problems = Validate(experiment, targets);
        if (problems.Count > 0)
            throw new ChaosMeshUnsupportedException(problems);
    }

    private static List<string> Problems(Fault fault, ChaosMeshTargets targets)
    {
        var problems = new List<string>();
        switch (fault.Kind)
        {
            case FaultKind.ConnectionLoss:
                problems.Add("Chaos Mesh NetworkChaos has no action that resets a share of connections (its actions are delay, loss, duplicate, corrupt, partition, bandwidth, rate); use packet-loss or network-partition, or --backend local");
                break;
            case FaultKind.ClockSkew when fault.NumberParameter("drift") != 0:
                problems.Add(string.Create(CultureInfo.InvariantCulture,
                    $"drift {fault.NumberParameter("drift")} ppm is not supported: TimeChaos only shifts the clock by a fixed timeOffset; set drift to 0, or use --backend local"));
                break;
        }
        var schedule = fault.Schedule;
        if (schedule.Count > 1 && schedule.Every is { } every && (schedule.Duration ?? TimeSpan.Zero) >= every)
        {
            problems.Add($"repetitions {ChaosMeshDuration.Format(schedule.Duration ?? TimeSpan.Zero)} long every {ChaosMeshDuration.Format(every)} leave no gap, "
                + "but a Schedule can only be removed between two firings; shorten the duration or make it one fault lasting the whole span");
        }
        if (targets.For(fault.Target).Labels.Count == 0)
            problems.Add($"the {fault.Target.ToString().ToLowerInvariant()} pod selector has no labels and would select every pod in namespace {targets.For(fault.Target).Namespace}");
        if (string.IsNullOrWhiteSpace(targets.For(fault.Target).Namespace))
            problems.Add($"the {fault.Target.ToString().ToLowerInvariant()} pod selector has no namespace");
        return problems;
    }

    private static (ChaosKind Kind, JsonObject Spec, string Note) Spec(Fault fault, ChaosMeshTargets targets, TimeSpan length)
    {
        var pods = targets.For(fault.Target);
        var duration = ChaosMeshDuration.Format(length);
        switch (fault.Kind)
        {
            case FaultKind.NetworkDelay:
            {
                var spec = Network("delay", pods, targets.Broker, "to", duration);
                spec["delay"] = new JsonObject
                {
                    ["latency"] = ChaosMeshDuration.Format(fault.DurationParameter("latency")),
                    ["jitter"] = ChaosMeshDuration.Format(fault.DurationParameter("jitter")),
                    ["correlation"] = Number(fault.NumberParameter("correlation")),
                };
                return (ChaosKind.NetworkChaos, spec, "");
            }
            case FaultKind.PacketLoss:
            {
                var spec = Network("loss", pods, targets.Broker, "to", duration);
                spec["loss"] = new JsonObject { ["loss"] = Number(fault.NumberParameter("percent")), ["correlation"] = "0" };
                return (ChaosKind.NetworkChaos, spec, "");
            }
            case FaultKind.NetworkPartition:
                return (ChaosKind.NetworkChaos, Network("partition", pods, targets.Broker, "both", duration), "");
            case FaultKind.BandwidthLimit:
            {
                var rate = (long)fault.NumberParameter("rate");
                var spec = Network("bandwidth", pods, targets.Broker, "both", duration);
                // tc's kbps is kilobytes per second, the file's unit; a bucket of 100 ms of traffic, at least one packet's worth
                spec["bandwidth"] = new JsonObject
                {
                    ["rate"] = rate.ToString(CultureInfo.InvariantCulture) + "kbps",
                    ["limit"] = BandwidthLimitBytes,
                    ["buffer"] = (int)Math.Clamp(rate * 1000 / 10, MinBandwidthBufferBytes, int.MaxValue),
                };
                return (ChaosKind.NetworkChaos, spec, "");
            }
            case FaultKind.PodKill:
                return (ChaosKind.PodChaos, PodKill(pods), "");
            case FaultKind.PodFailure:
                return (ChaosKind.PodChaos, PodFailure(pods, duration), "");
            case FaultKind.BrokerKill:
                return length == TimeSpan.Zero
                    ? (ChaosKind.PodChaos, PodKill(pods), "")
                    : (ChaosKind.PodChaos, PodFailure(pods, duration), "broker kept down by pod-failure for the window");
            case FaultKind.ClockSkew:
            {
                var spec = Selected(pods);
                spec["timeOffset"] = ChaosMeshDuration.Format(fault.DurationParameter("offset"));
                spec["clockIds"] = new JsonArray("CLOCK_REALTIME");
                spec["duration"] = duration;
                return (ChaosKind.TimeChaos, spec, "");
            }
            case FaultKind.CpuStress:
            {
                var percent = fault.NumberParameter("percent");
                var load = (int)Math.Round(percent, MidpointRounding.AwayFromZero);
                var spec = Selected(pods);
                spec["stressors"] = new JsonObject
                {
                    ["cpu"] = new JsonObject { ["workers"] = (int)fault.NumberParameter("threads"), ["load"] = load },
                };
                spec["duration"] = duration;
                var note = load == percent ? "" : string.Create(CultureInfo.InvariantCulture, $"load rounded to {load}% (StressChaos takes whole percents)");
                return (ChaosKind.StressChaos, spec, note);
            }
            default:
                throw new ChaosMeshUnsupportedException($"{Describe(fault)} has no Chaos Mesh mapping");
        }
    }

    private static JsonObject Network(string action, PodSelector source, PodSelector broker, string direction, string duration)
    {
        var spec = Selected(source);
        spec["action"] = action;
        spec["direction"] = direction;
        spec["target"] = new JsonObject { ["mode"] = "all", ["selector"] = Selector(broker) };
        spec["duration"] = duration;
        return spec;
    }

    private static JsonObject PodKill(PodSelector pods)
    {
        var spec = Selected(pods);
        spec["action"] = "pod-kill";
        spec["gracePeriod"] = 0;
        return spec;
    }

    private static JsonObject PodFailure(PodSelector pods, string duration)
    {
        var spec = Selected(pods);
        spec["action"] = "pod-failure";
        spec["duration"] = duration;
        return spec;
    }

    private static JsonObject Selected(PodSelector pods) => new() { ["mode"] = "all", ["selector"] = Selector(pods) };

    private static JsonObject Selector(PodSelector pods)
    {
        var labels = new JsonObject();
        foreach (var (key, value) in pods.Labels.OrderBy(l => l.Key, StringComparer.Ordinal))
            labels[key] = value;
        return new JsonObject { ["namespaces"] = new JsonArray(pods.Namespace), ["labelSelectors"] = labels };
    }

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>The fault as named in faults.csv: <c>network-delay on miner</c>.</summary>
    public static string Describe(Fault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        return $"{FaultKindSpec.For(fault.Kind).Name} on {fault.Target.ToString().ToLowerInvariant()}";
    }
}
