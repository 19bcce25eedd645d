using HeuristicsBench.Experiments;
using HeuristicsBench.FaultProxy;

namespace ChaosRunner.Run.Nemesis;

/// <summary>
/// How a network fault becomes fault-proxy toxics (Toxiproxy's model) on the target's proxy. Delay, loss and
/// connection loss act on the client's requests (upstream, like netem on the client's egress as Chaos Mesh applies
/// it); a partition blackholes both directions; a bandwidth limit caps both directions.
/// </summary>
public static class FaultToxics
{
    public static IReadOnlyList<ToxicSpec> For(Fault fault, string namePrefix)
    {
        ArgumentNullException.ThrowIfNull(fault);
        return fault.Kind switch
        {
            FaultKind.NetworkDelay =>
            [
                new ToxicSpec("latency", ToxicDirection.Upstream, 1.0, new Dictionary<string, long>
                {
                    ["latency"] = (long)fault.DurationParameter("latency").TotalMilliseconds,
                    ["jitter"] = (long)fault.DurationParameter("jitter").TotalMilliseconds,
                }, namePrefix + "_latency"),
            ],
            FaultKind.PacketLoss =>
            [
                new ToxicSpec("loss", ToxicDirection.Upstream, 1.0, new Dictionary<string, long>
                {
                    ["percent"] = LossPercent(fault.NumberParameter("percent")),
                    ["retransmit"] = ToxicSpec.DefaultRetransmitMs, // Linux's minimum RTO: what a lost segment costs
                }, namePrefix + "_loss"),
            ],
            FaultKind.ConnectionLoss =>
            [
                new ToxicSpec("reset_peer", ToxicDirection.Upstream, fault.NumberParameter("percent") / 100.0,
                    new Dictionary<string, long> { ["timeout"] = 0 }, namePrefix + "_reset"),
            ],
            FaultKind.NetworkPartition =>
            [
                new ToxicSpec("timeout", ToxicDirection.Upstream, 1.0, new Dictionary<string, long> { ["timeout"] = 0 }, namePrefix + "_blackhole_up"),
                new ToxicSpec("timeout", ToxicDirection.Downstream, 1.0, new Dictionary<string, long> { ["timeout"] = 0 }, namePrefix + "_blackhole_down"),
            ],
            FaultKind.BandwidthLimit =>
            [
                new ToxicSpec("bandwidth", ToxicDirection.Upstream, 1.0, new Dictionary<string, long> { ["rate"] = (long)fault.NumberParameter("rate") }, namePrefix + "_bandwidth_up"),
                new ToxicSpec("bandwidth", ToxicDirection.Downstream, 1.0, new Dictionary<string, long> { ["rate"] = (long)fault.NumberParameter("rate") }, namePrefix + "_bandwidth_down"),
            ],
            _ => throw new ArgumentException($"{fault.Kind} is not a network fault", nameof(fault)),
        };
    }

    /// <summary>The proxy's loss toxic takes whole percents: 0.01..100 is rounded, and never below 1.</summary>
    public static long LossPercent(double percent) => Math.Clamp((long)Math.Round(percent, MidpointRounding.AwayFromZero), 1, 100);

    public static bool IsNetwork(FaultKind kind) =>
        kind is FaultKind.NetworkDelay or FaultKind.PacketLoss or FaultKind.ConnectionLoss or FaultKind.NetworkPartition or FaultKind.BandwidthLimit;
}
