using HeuristicsBench.Analysis.Series;

namespace HeuristicsBench.Analysis.Faults;

/// <summary>
/// Recovery measured against known fault windows (the runner knows when it injected each fault), instead of
/// guessing events from peaks. For each fault, in order: the band comes from the baseline window just before
/// its start; detection, peak and recovery are looked for from its start until the next fault starts (or the
/// series ends), so one fault's tail is never credited to the next. A baseline window may overlap the previous
/// fault's tail; the band then reflects that (wider) lag.
/// </summary>
public static class FaultRecoveryMeasure
{
    /// <param name="series">Lag samples in time order.</param>
    /// <param name="faults">Faults ordered by start, each ending no earlier than it starts and no later than the next starts.</param>
    public static IReadOnlyList<FaultRecovery> Measure(LagSeries series, IReadOnlyList<FaultWindow> faults, FaultRecoveryOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(faults);
        options ??= new FaultRecoveryOptions();
        Validate(series, faults, options);
        var results = new List<FaultRecovery>(faults.Count);
        for (int f = 0; f < faults.Count; f++)
        {
            double observedUntil = f + 1 < faults.Count ? faults[f + 1].Start : double.PositiveInfinity;
            results.Add(MeasureOne(series.Times, series.Values, faults[f], observedUntil, options));
        }

        return results;
    }

    private static FaultRecovery MeasureOne(ReadOnlySpan<double> t, ReadOnlySpan<double> v, FaultWindow fault, double observedUntil, FaultRecoveryOptions options)
    {
        // Samples in [from, to): the first index with t >= from up to the first index with t >= to.
        int baselineFrom = FirstAtOrAfter(t, fault.Start - options.BaselineSeconds);
        int faultFrom = FirstAtOrAfter(t, fault.Start);
        int endFrom = FirstAtOrAfter(t, fault.End);
        int windowTo = FirstAtOrAfter(t, observedUntil);

        double? peakLag = null;
        double? peakTime = null;
        for (int i = faultFrom; i < windowTo; i++)
        {
            if (peakLag is null || v[i] > peakLag)
            {
                peakLag = v[i];
                peakTime = t[i];
            }
        }

        int baselineSamples = faultFrom - baselineFrom;
        if (baselineSamples == 0)
            return new FaultRecovery(fault, FaultRecoveryOutcome.NoBaseline, 0, null, peakLag, peakTime, null, null);

        double upper = double.NegativeInfinity;
        for (int i = baselineFrom; i < faultFrom; i++)
            upper = Math.Max(upper, v[i]);
        upper += options.Slack;

        double? detect = null;
        for (int i = faultFrom; i < windowTo; i++)
        {
            if (v[i] > upper)
            {
                detect = t[i] - fault.Start;
                break;
            }
        }

        double? recovery = null;
        int runStart = -1;
        for (int i = endFrom; i < windowTo; i++)
        {
            if (v[i] > upper)
            {
                runStart = -1;
                continue;
            }

            if (runStart < 0)
                runStart = i;
            if (t[i] >= t[runStart] + options.HoldSeconds)
            {
                recovery = t[runStart] - fault.End;
                break;
            }
        }

        var outcome = recovery is null ? FaultRecoveryOutcome.NotRecovered : FaultRecoveryOutcome.Recovered;
        return new FaultRecovery(fault, outcome, baselineSamples, upper, peakLag, peakTime, detect, recovery);
    }

    private static int FirstAtOrAfter(ReadOnlySpan<double> t, double time)
    {
        int lo = 0;
        int hi = t.Length;
        while (lo < hi)
        {
            int mid = lo + ((hi - lo) / 2);
            if (t[mid] < time)
                lo = mid + 1;
            else
                hi = mid;
        }

        return lo;
    }

    private static void Validate(LagSeries series, IReadOnlyList<FaultWindow> faults, FaultRecoveryOptions options)
    {
        if (!series.IsTimeOrdered)
            throw new ArgumentException("The lag series must be in time order.", nameof(series));
        if (!(options.BaselineSeconds > 0) || !double.IsFinite(options.BaselineSeconds))
            throw new ArgumentException("BaselineSeconds must be a positive number.", nameof(options));
        if (!(options.HoldSeconds >= 0) || !double.IsFinite(options.HoldSeconds))
            throw new ArgumentException("HoldSeconds must be a non-negative number.", nameof(options));
        if (!(options.Slack >= 0) || !double.IsFinite(options.Slack))
            throw new ArgumentException("Slack must be a non-negative number.", nameof(options));
        for (int f = 0; f < faults.Count; f++)
        {
            var fault = faults[f];
            if (!double.IsFinite(fault.Start) || !double.IsFinite(fault.End) || fault.End < fault.Start)
                throw new ArgumentException($"Fault {f} must have finite times with End >= Start.", nameof(faults));
            if (f > 0 && fault.Start < faults[f - 1].End)
                throw new ArgumentException($"Fault {f} starts before fault {f - 1} ends; faults must be ordered and not overlap.", nameof(faults));
        }
    }
}
