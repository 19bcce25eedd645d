using HeuristicsBench.Results.Summary;

namespace HeuristicsBench.Results.Writing;

/// <summary>The columns and cells of summary.csv (docs/results.md), one row per <see cref="RunSummary"/>.</summary>
public static class SummaryTable
{
    public static IReadOnlyList<string> Header { get; } =
    [
        "run", "scenario", "sweep_parameter", "sweep_value", "sweep_value_numeric", "iteration", "seed",
        "started", "duration_s", "outcome", "hypothesis",
        "events_acknowledged", "events_in_topic", "events_processed",
        "throughput_in_mean", "throughput_out_mean",
        "lag_p50", "lag_p99", "lag_max",
        "latency_p50_ms", "latency_p95_ms", "latency_p99_ms",
        "recovery_paper_s", "recovery_fault_aware_s", "faults_recovered",
        "peak_lag", "time_to_detect_s",
        "fidelity_f1_final", "baseline_similarity_final",
        "check_no_lost_events", "check_no_double_counting", "check_final_model_equals_baseline", "check_no_orphan_processes",
    ];

    public static IReadOnlyList<string> Row(RunSummary s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return
        [
            s.Run, s.Scenario, s.SweepParameter, s.SweepValue, Numbers.Format(s.SweepValueNumeric), Numbers.Format(s.Iteration), Numbers.Format(s.Seed),
            Numbers.Format(s.Started), Numbers.Format(s.DurationSeconds), s.Outcome, s.Hypothesis,
            Numbers.Format(s.EventsAcknowledged), Numbers.Format(s.EventsInTopic), Numbers.Format(s.EventsProcessed),
            Numbers.Format(s.ThroughputInMean), Numbers.Format(s.ThroughputOutMean),
            Numbers.Format(s.LagP50), Numbers.Format(s.LagP99), Numbers.Format(s.LagMax),
            Numbers.Format(s.LatencyP50Ms), Numbers.Format(s.LatencyP95Ms), Numbers.Format(s.LatencyP99Ms),
            Numbers.Format(s.RecoveryPaperSeconds), Numbers.Format(s.RecoveryFaultAwareSeconds), $"{s.FaultsRecovered}/{s.Faults}",
            Numbers.Format(s.PeakLag), Numbers.Format(s.TimeToDetectSeconds),
            Numbers.Format(s.FidelityF1Final), Numbers.Format(s.BaselineSimilarityFinal),
            Check(s.CheckNoLostEvents), Check(s.CheckNoDoubleCounting), Check(s.CheckFinalModelEqualsBaseline), Check(s.CheckNoOrphanProcesses),
        ];
    }

    /// <summary><c>pass</c>, <c>FAIL</c>, or empty when the checker did not run.</summary>
    public static string Check(bool? passed) => passed switch
    {
        true => "pass",
        false => "FAIL",
        null => "",
    };
}
