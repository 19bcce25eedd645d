using HeuristicsBench.Experiments;
using HeuristicsBench.Results.History;
using HeuristicsBench.Results.Runs;

namespace HeuristicsBench.Results.Tests.Support;

/// <summary>
/// Synthetic run records. The lag series of <see cref="WithFault"/> is built so its numbers are known: baseline
/// 8..12 (8 + t mod 5) before the fault, a fault applied from +30 s to +40 s during which lag climbs 50 per second
/// to 500, then above the band until +40+R s and back at the baseline from there on (fault-aware recovery = R,
/// time to detect = 1 s, peak = 500).
/// </summary>
internal static class Records
{
    public const double T0 = 1_700_000_000;

    public static ExperimentRun Run(int index = 0, string scenario = "delay", FaultParameterValue? sweepValue = null, int iteration = 1) =>
        new(index, scenario, sweepValue is null ? 0 : index, sweepValue, iteration, TimeSpan.FromSeconds(120), [DelayFault(sweepValue)], 4242 + index);

    public static Fault DelayFault(FaultParameterValue? latency = null) =>
        new(FaultKind.NetworkDelay, FaultTarget.Miner,
            new Dictionary<string, FaultParameterValue> { ["latency"] = latency ?? new FaultParameterValue.DurationValue(TimeSpan.FromMilliseconds(100)) },
            new FaultSchedule(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(10), null, 1));

    public static AppliedFault Applied(double start = 30, double end = 40, bool applied = true) =>
        new(0, 1, "network-delay", "miner", "latency=100ms", T0 + start, T0 + end,
            applied ? T0 + start : null, applied ? T0 + end : null, applied ? "applied" : "not applied");

    public static double LagAt(int second, int recoverySeconds)
    {
        if (second <= 30 || second >= 40 + recoverySeconds)
            return 8 + (second % 5);
        if (second <= 40)
            return 50 * (second - 30);
        return 500 - ((second - 40) * (480.0 / recoverySeconds));
    }

    public static RunRecord WithFault(int recoverySeconds = 13, ExperimentRun? run = null, IReadOnlyList<CheckerVerdict>? verdicts = null)
    {
        var history = new RunHistory();
        int length = 40 + recoverySeconds + 30;
        for (int s = 0; s <= length; s++)
        {
            double t = T0 + s;
            history.Add(MetricNames.Lag, t, LagAt(s, recoverySeconds));
            history.Add(MetricNames.ThroughputIn, t, 100);
            history.Add(MetricNames.ThroughputOut, t, s is > 30 and <= 40 ? 0 : 100);
            history.Add(MetricNames.FidelityF1, t, Math.Min(1, s / 100.0));
        }
        return new RunRecord(
            run ?? Run(),
            T0,
            T0 + length,
            history,
            [Applied()],
            verdicts ?? [new CheckerVerdict("no-lost-events", true, "acknowledged 100 = in topic 100")],
            """{"eventsProcessed": 12345, "arcs": []}""",
            AbortReason: null,
            HypothesisChecked: true,
            HypothesisDeviation: null,
            Error: null,
            EventsInTopic: 12400,
            Commands: ["heuristics-miner serve --group g"]);
    }

    /// <summary>A record with only the given history and nothing else.</summary>
    public static RunRecord WithHistory(RunHistory history, ExperimentRun? run = null) =>
        new(run ?? Run(), T0, T0 + 100, history, [], [], null, null, false, null, null, 0, []);
}
