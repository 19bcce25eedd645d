namespace HeuristicsBench.Results.Summary;

/// <summary>
/// One row of summary.csv (docs/results.md): what ran, how it ended, and the numbers measured. Every nullable
/// number is null when it could not be measured (no samples of its metric, no recovery span, no fault recovered);
/// the CSV leaves that cell empty. Check columns are null when that checker did not run.
/// </summary>
public sealed record RunSummary(
    string Run,
    string Scenario,
    string SweepParameter,
    string SweepValue,
    double? SweepValueNumeric,
    int Iteration,
    long Seed,
    double Started,
    double DurationSeconds,
    string Outcome,
    string Hypothesis,
    double? EventsAcknowledged,
    long EventsInTopic,
    double? EventsProcessed,
    double? ThroughputInMean,
    double? ThroughputOutMean,
    double? LagP50,
    double? LagP99,
    double? LagMax,
    double? LatencyP50Ms,
    double? LatencyP95Ms,
    double? LatencyP99Ms,
    double? RecoveryPaperSeconds,
    double? RecoveryFaultAwareSeconds,
    int FaultsRecovered,
    int Faults,
    double? PeakLag,
    double? TimeToDetectSeconds,
    double? FidelityF1Final,
    double? BaselineSimilarityFinal,
    bool? CheckNoLostEvents,
    bool? CheckNoDoubleCounting,
    bool? CheckFinalModelEqualsBaseline,
    bool? CheckNoOrphanProcesses);
