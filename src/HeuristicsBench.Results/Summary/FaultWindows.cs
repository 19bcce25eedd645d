using HeuristicsBench.Analysis.Faults;
using HeuristicsBench.Results.Runs;

namespace HeuristicsBench.Results.Summary;

/// <summary>
/// The time a fault window really covered: applied start/end when the nemesis recorded them, the planned ones
/// otherwise (a fault never applied, or never removed because the run ended first, keeps its plan there).
/// </summary>
public static class FaultWindows
{
    public static FaultWindow Effective(AppliedFault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        var start = fault.AppliedStart ?? fault.PlannedStart;
        var end = fault.AppliedEnd ?? fault.PlannedEnd;
        return new FaultWindow(start, Math.Max(start, end));
    }

    /// <summary>
    /// The effective windows in start order with overlapping (or touching) ones merged into one, because the
    /// fault-aware measure needs disjoint windows: faults that act at the same time count as one disturbance.
    /// </summary>
    public static IReadOnlyList<FaultWindow> Merged(IEnumerable<AppliedFault> faults)
    {
        ArgumentNullException.ThrowIfNull(faults);
        var merged = new List<FaultWindow>();
        foreach (var window in faults.Select(Effective).OrderBy(w => w.Start).ThenBy(w => w.End))
        {
            if (merged.Count > 0 && window.Start <= merged[^1].End)
                merged[^1] = merged[^1] with { End = Math.Max(merged[^1].End, window.End) };
            else
                merged.Add(window);
        }
        return merged;
    }
}
