using HeuristicsBench.Results.Runs;

namespace HeuristicsBench.Results.Writing;

/// <summary>The rows of faults.csv (docs/results.md): one per window of every fault; <c>*_s</c> are seconds since the run start.</summary>
public static class FaultsTable
{
    public static IReadOnlyList<string> Header { get; } =
    [
        "fault", "repetition", "kind", "target", "parameters", "planned_start", "planned_end", "applied_start", "applied_end",
        "planned_start_s", "applied_start_s", "applied_end_s", "note",
    ];

    public static IReadOnlyList<IReadOnlyList<string>> Rows(RunRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        double start = record.StartTime;
        return record.Faults.Select(f => (IReadOnlyList<string>)
        [
            Numbers.Format(f.FaultIndex), Numbers.Format(f.Repetition), f.Kind, f.Target, f.Parameters,
            Numbers.Format(f.PlannedStart), Numbers.Format(f.PlannedEnd), Numbers.Format(f.AppliedStart), Numbers.Format(f.AppliedEnd),
            Numbers.Format(f.PlannedStart - start), Numbers.Format(f.AppliedStart - start), Numbers.Format(f.AppliedEnd - start), f.Note,
        ]).ToList();
    }
}
