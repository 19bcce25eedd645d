using System.Globalization;
using HeuristicsBench.Experiments;

namespace ChaosRunner.Run.Checking;

/// <summary>
/// The steady-state hypothesis over a lag series (Unix seconds): lag at or below the limit during the window before
/// the first fault starts, and during the last window of the run after the last fault ended. Null when it held.
/// A run without faults is checked over its last window only. <paramref name="runEnd"/> is when the load stopped.
/// A result starting with <see cref="NotChecked"/> is not a deviation: it says what could not be observed.
/// </summary>
public static class HypothesisCheck
{
    /// <summary>Starts a result that is not a deviation but says why (part of) the hypothesis could not be checked.</summary>
    public const string NotChecked = "not checked: ";

    public static string? Deviation(Hypothesis hypothesis, IReadOnlyList<double> times, IReadOnlyList<double> lags, double runStart, double? firstFaultStart, double? lastFaultEnd, double runEnd)
    {
        ArgumentNullException.ThrowIfNull(hypothesis);
        ArgumentNullException.ThrowIfNull(times);
        ArgumentNullException.ThrowIfNull(lags);
        var window = hypothesis.Window.TotalSeconds;
        var problems = new List<string>();
        if (firstFaultStart is { } first)
        {
            var from = Math.Max(runStart, first - window);
            if (Worst(times, lags, from, first) is { } before && before > hypothesis.MaxLag)
                problems.Add(Invariant($"before the first fault lag reached {before:0} (limit {hypothesis.MaxLag})"));
            else if (first - from < window * 0.5)
                problems.Add(Invariant($"only {first - from:0.#} s before the first fault to observe (window {window:0.#} s)"));
        }
        if (lastFaultEnd is { } last && last >= runEnd)
        {
            // A fault lasted until the load stopped: there is no "after the last fault" to observe.
            return problems.Count == 0 ? NotChecked + "a fault lasted until the end of the load, only the part before the faults held" : string.Join("; ", problems);
        }
        var afterFrom = Math.Max(lastFaultEnd ?? runStart, runEnd - window);
        var after = Worst(times, lags, afterFrom, runEnd + 0.001);
        if (after is null)
            problems.Add("no lag sample after the last fault to check against");
        else if (after > hypothesis.MaxLag)
            problems.Add(Invariant($"after the last fault lag was still {after:0} in the final {runEnd - afterFrom:0.#} s (limit {hypothesis.MaxLag})"));
        return problems.Count == 0 ? null : string.Join("; ", problems);
    }

    private static double? Worst(IReadOnlyList<double> times, IReadOnlyList<double> lags, double from, double to)
    {
        double? worst = null;
        for (var i = 0; i < times.Count; i++)
        {
            if (times[i] >= from && times[i] < to)
                worst = Math.Max(worst ?? double.MinValue, lags[i]);
        }
        return worst;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
