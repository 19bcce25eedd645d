using HeuristicsBench.Experiments;
using HeuristicsBench.Results.Runs;
using HeuristicsBench.Results.Summary;

namespace HeuristicsBench.Results.Writing;

/// <summary>
/// The rows of faults.csv (docs/results.md): one per window of every fault; <c>*_s</c> are seconds since the run start.
/// The fault as applied (by the nemesis) and as observed in the lag: <c>observed_start_s</c> is when lag first left its
/// pre-fault band, <c>observed_end_s</c> when it was back in the band for good (fault-aware measure of the merged window
/// the fault belongs to; empty when lag never left the band or never came back).
/// </summary>
public static class FaultsTable
{
    public static IReadOnlyList<string> Header { get; } =
    [
        "fault", "repetition", "kind", "target", "parameters", "planned_start", "planned_end", "applied_start", "applied_end",
        "planned_start_s", "applied_start_s", "applied_end_s", "observed_start_s", "observed_end_s", "peak_lag", "note",
    ];

    public static IReadOnlyList<IReadOnlyList<string>> Rows(RunRecord record, Experiment? experiment = null)
    {
        ArgumentNullException.ThrowIfNull(record);
        double start = record.StartTime;
        var recoveries = RunSummaryCalculator.Recoveries(record, experiment);
        return record.Faults.Select(f =>
        {
            var window = FaultWindows.Effective(f);
            var observed = recoveries.FirstOrDefault(r => r.Fault.Start <= window.Start && window.End <= r.Fault.End);
            double? observedStart = observed?.TimeToDetectSeconds is { } detect ? observed.Fault.Start + detect - start : null;
            double? observedEnd = observed?.RecoverySeconds is { } recovery ? observed.Fault.End + recovery - start : null;
            return (IReadOnlyList<string>)
            [
                Numbers.Format(f.FaultIndex), Numbers.Format(f.Repetition), f.Kind, f.Target, f.Parameters,
                Numbers.Format(f.PlannedStart), Numbers.Format(f.PlannedEnd), Numbers.Format(f.AppliedStart), Numbers.Format(f.AppliedEnd),
                Numbers.Format(f.PlannedStart - start), Numbers.Format(f.AppliedStart - start), Numbers.Format(f.AppliedEnd - start),
                Numbers.Format(observedStart), Numbers.Format(observedEnd), Numbers.Format(observed?.PeakLag), f.Note,
            ];
        }).ToList();
    }
}
