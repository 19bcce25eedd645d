using HeuristicsBench.Results.Regression;
using HeuristicsBench.Results.Summary;
using ScottPlot;

namespace HeuristicsBench.Results.Plots;

/// <summary>
/// Plots of one swept scenario: a measure against the numeric sweep value (milliseconds for durations), one point
/// per run that has the measure. The recovery plot adds the least squares line and, with 3 points or more, its
/// 95 % confidence band (<see cref="OlsFit"/>).
/// </summary>
public static class SweepPlots
{
    /// <summary>Fault-aware recovery time against the sweep value; null when no run of the sweep has both numbers.</summary>
    public static byte[]? Recovery(IReadOnlyList<RunSummary> runs, string parameterLabel) =>
        Render(runs, parameterLabel, s => s.RecoveryFaultAwareSeconds, "recovery time, fault-aware (s)", withFit: true);

    /// <summary>Final fidelity (F1 against the ground truth) against the sweep value; null when no run has both numbers.</summary>
    public static byte[]? Fidelity(IReadOnlyList<RunSummary> runs, string parameterLabel) =>
        Render(runs, parameterLabel, s => s.FidelityF1Final, "final fidelity F1", withFit: false);

    private static byte[]? Render(IReadOnlyList<RunSummary> runs, string parameterLabel, Func<RunSummary, double?> measure, string measureLabel, bool withFit)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var points = runs.Where(r => r.SweepValueNumeric is not null && measure(r) is not null)
            .Select(r => (X: r.SweepValueNumeric!.Value, Y: measure(r)!.Value)).OrderBy(p => p.X).ToList();
        if (points.Count == 0)
            return null;
        var plot = new Plot();
        double[] xs = [.. points.Select(p => p.X)];
        double[] ys = [.. points.Select(p => p.Y)];
        if (withFit && OlsFit.Of(xs, ys) is { } fit)
            AddFit(plot, fit, xs[0], xs[^1]);
        var markers = plot.Add.ScatterPoints(xs, ys);
        markers.LegendText = "runs";
        markers.Color = Colors.Blue;
        markers.MarkerSize = 8;
        plot.XLabel(parameterLabel);
        plot.YLabel(measureLabel);
        plot.Title($"{measureLabel} vs {parameterLabel}");
        plot.ShowLegend(Alignment.UpperLeft);
        return plot.GetImageBytes(RunPlot.Width, RunPlot.Height, ImageFormat.Png);
    }

    private static void AddFit(Plot plot, OlsFit fit, double from, double to)
    {
        const int steps = 50;
        double[] xs = [.. Enumerable.Range(0, steps + 1).Select(i => from + ((to - from) * i / steps))];
        if (fit.HasBand)
        {
            var band = plot.Add.FillY(xs, [.. xs.Select(x => fit.Band(x)!.Value.Lower)], [.. xs.Select(x => fit.Band(x)!.Value.Upper)]);
            band.FillStyle.Color = Colors.Gray.WithAlpha(0.25);
            band.LineStyle.Width = 0;
            band.LegendText = "95 % confidence band";
        }
        var line = plot.Add.ScatterLine(xs, [.. xs.Select(fit.Predict)]);
        line.Color = Colors.Black;
        line.LegendText = $"OLS: y = {fit.Intercept:G4} + {fit.Slope:G4}·x";
    }
}
