using System.Text.Json;
using HeuristicsBench.Analysis.Faults;
using HeuristicsBench.Analysis.Paper;
using HeuristicsBench.Analysis.Series;
using HeuristicsBench.Experiments;
using HeuristicsBench.Results.History;
using HeuristicsBench.Results.Runs;
using MathNet.Numerics.Statistics;

namespace HeuristicsBench.Results.Summary;

/// <summary>Computes the summary.csv row of a run (docs/results.md) from its record alone; no I/O.</summary>
public static class RunSummaryCalculator
{
    /// <summary>
    /// The paper's method as the paper ran it, except for the row minimum: its 300-row rule skipped incomplete
    /// files of its own 480 s runs, while our runs have any length, so no run is skipped here.
    /// </summary>
    public static PaperRecoveryOptions PaperOptions { get; } = new() { MinimumRows = 0 };

    /// <summary>Band from the 30 s before a fault, recovery held 10 s (the defaults of the fault-aware measure).</summary>
    public static FaultRecoveryOptions FaultOptions { get; } = new();

    /// <summary>
    /// The fault-aware options for a run of <paramref name="experiment"/>: the defaults, with a slack of one second of
    /// input (the workload rate in events). Lag sampled once a second over a commit sawtooth reaches its peak at a
    /// different phase each cycle, so a short pre-fault window can miss the true peak by up to a second of input;
    /// without the slack a run whose lag is back to its normal sawtooth would never count as recovered.
    /// </summary>
    public static FaultRecoveryOptions FaultOptionsFor(Experiment? experiment) =>
        experiment is null ? FaultOptions : FaultOptions with { Slack = experiment.Workload.Rate };

    /// <summary>The fault-aware measure of a run: one result per merged fault window (<see cref="FaultWindows.Merged"/>), in start order.</summary>
    public static IReadOnlyList<FaultRecovery> Recoveries(RunRecord record, Experiment? experiment = null)
    {
        ArgumentNullException.ThrowIfNull(record);
        var (lagTimes, lagValues) = record.History.Series(MetricNames.Lag);
        return FaultRecoveryMeasure.Measure(new LagSeries(lagTimes, lagValues), FaultWindows.Merged(record.Faults), FaultOptionsFor(experiment));
    }

    /// <param name="record">The finished run.</param>
    /// <param name="experiment">The experiment the run belongs to; used for <c>sweep_parameter</c> (empty without it) and the fault-aware slack.</param>
    public static RunSummary From(RunRecord record, Experiment? experiment = null)
    {
        ArgumentNullException.ThrowIfNull(record);
        var run = record.Run;
        var history = record.History;
        var (lagTimes, lagValues) = history.Series(MetricNames.Lag);
        var lag = new LagSeries(lagTimes, lagValues);
        var recoveries = Recoveries(record, experiment);
        var recovered = recoveries.Where(r => r.RecoverySeconds is not null).Select(r => r.RecoverySeconds!.Value).ToList();
        var detections = recoveries.Where(r => r.TimeToDetectSeconds is not null).Select(r => r.TimeToDetectSeconds!.Value).ToList();
        var peaks = recoveries.Where(r => r.PeakLag is not null).Select(r => r.PeakLag!.Value).ToList();

        return new RunSummary(
            Run: RunIds.For(run),
            Scenario: run.Scenario,
            SweepParameter: SweepParameter(run, experiment),
            SweepValue: run.SweepValue?.ToString() ?? "",
            SweepValueNumeric: Numeric(run.SweepValue),
            Iteration: run.Iteration,
            Seed: run.Seed,
            Started: record.StartTime,
            DurationSeconds: record.EndTime - record.StartTime,
            Outcome: Outcome(record),
            Hypothesis: HypothesisText(record),
            EventsAcknowledged: Last(history, MetricNames.EventsAcknowledged),
            EventsInTopic: record.EventsInTopic,
            EventsProcessed: ModelEventsProcessed(record.FinalModelJson) ?? Last(history, MetricNames.EventsProcessed),
            ThroughputInMean: Mean(history.Series(MetricNames.ThroughputIn).Values),
            ThroughputOutMean: Mean(history.Series(MetricNames.ThroughputOut).Values),
            LagP50: Quantile(lagValues, 0.5),
            LagP99: Quantile(lagValues, 0.99),
            LagMax: lagValues.Length == 0 ? null : lagValues.Max(),
            LatencyP50Ms: Quantile(history.Series(MetricNames.LatencyP50).Values, 0.5),
            LatencyP95Ms: Quantile(history.Series(MetricNames.LatencyP95).Values, 0.5),
            LatencyP99Ms: Quantile(history.Series(MetricNames.LatencyP99).Values, 0.5),
            RecoveryPaperSeconds: PaperRecoveryMethod.Analyze(lag, PaperOptions).MeanRecoverySeconds,
            RecoveryFaultAwareSeconds: recovered.Count == 0 ? null : recovered.Average(),
            FaultsRecovered: recovered.Count,
            Faults: recoveries.Count,
            PeakLag: peaks.Count == 0 ? null : peaks.Max(),
            TimeToDetectSeconds: detections.Count == 0 ? null : detections.Average(),
            FidelityF1Final: Last(history, MetricNames.FidelityF1),
            BaselineSimilarityFinal: Last(history, MetricNames.BaselineSimilarity),
            CheckNoLostEvents: Check(record, CheckerNames.NoLostEvents),
            CheckNoDoubleCounting: Check(record, CheckerNames.NoDoubleCounting),
            CheckFinalModelEqualsBaseline: Check(record, CheckerNames.FinalModelEqualsBaseline),
            CheckNoOrphanProcesses: Check(record, CheckerNames.NoOrphanProcesses));
    }

    /// <summary><c>passed</c>, <c>failed</c>, <c>aborted: reason</c> or <c>error: reason</c>; an error wins over an abort, an abort over failed checks.</summary>
    public static string Outcome(RunRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.Error is { } error)
            return "error: " + error;
        if (record.AbortReason is { } reason)
            return "aborted: " + reason;
        return record.Verdicts.All(v => v.Passed) ? "passed" : "failed";
    }

    /// <summary>The numeric sweep value: milliseconds for a duration, the number itself otherwise; null without a sweep.</summary>
    public static double? Numeric(FaultParameterValue? value) => value switch
    {
        null => null,
        FaultParameterValue.DurationValue d => d.Value.TotalMilliseconds,
        FaultParameterValue.NumberValue n => n.Value,
        _ => throw new ArgumentException($"Unknown parameter value type {value.GetType().Name}.", nameof(value)),
    };

    private static string HypothesisText(RunRecord record) =>
        !record.HypothesisChecked ? "none"
        : record.HypothesisDeviation is { } why ? (why.StartsWith("not checked", StringComparison.Ordinal) ? why : "deviated: " + why)
        : "held";

    private static string SweepParameter(ExperimentRun run, Experiment? experiment) =>
        run.SweepValue is null ? ""
        : experiment?.Scenarios.FirstOrDefault(s => s.Name == run.Scenario)?.Sweep?.Path ?? "";

    /// <summary>The value of the metric's latest sample (by time; the last recorded among equal times).</summary>
    private static double? Last(RunHistory history, string metric)
    {
        var values = history.Series(metric).Values;
        return values.Length == 0 ? null : values[^1];
    }

    private static double? Mean(double[] values) => values.Length == 0 ? null : values.Average();

    /// <summary>Linear interpolation between the closest ranks (R-7, numpy's default).</summary>
    private static double? Quantile(double[] values, double tau) =>
        values.Length == 0 ? null : Statistics.QuantileCustom(values, tau, QuantileDefinition.R7);

    private static bool? Check(RunRecord record, string checker)
    {
        var verdicts = record.Verdicts.Where(v => v.Checker == checker).ToList();
        return verdicts.Count == 0 ? null : verdicts.All(v => v.Passed);
    }

    private static double? ModelEventsProcessed(string? modelJson)
    {
        if (modelJson is null)
            return null;
        try
        {
            using var document = JsonDocument.Parse(modelJson);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("eventsProcessed", out var events)
                && events.TryGetDouble(out var value) ? value : null;
        }
        catch (JsonException)
        {
            // A model that is not JSON says nothing about eventsProcessed; the history's last sample stands in.
            return null;
        }
    }
}
