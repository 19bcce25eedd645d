using HeuristicsBench.Results.History;
using HeuristicsBench.Results.Runs;
using HeuristicsBench.Results.Summary;
using ScottPlot;

namespace HeuristicsBench.Results.Plots;

/// <summary>
/// The per-run plot: lag (<c>Lag_Input_Topic</c>, <c>Lag_Model</c>) on the left axis and throughput in/out on the
/// right axis against seconds since the run start, each fault window shaded (applied window, planned when not applied).
/// </summary>
public static class RunPlot
{
    public const int Width = 1000;
    public const int Height = 500;

    public static byte[] Render(RunRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var plot = new Plot();
        foreach (var fault in record.Faults)
        {
            var window = FaultWindows.Effective(fault);
            var span = plot.Add.HorizontalSpan(window.Start - record.StartTime, Math.Max(window.End, window.Start + 0.5) - record.StartTime);
            span.FillStyle.Color = Colors.OrangeRed.WithAlpha(0.15);
            span.LineStyle.Width = 0;
        }

        AddLine(plot, record, MetricNames.Lag, "lag (input topic)", Colors.Blue, plot.Axes.Left);
        AddLine(plot, record, MetricNames.ModelLag, "lag (model)", Colors.Purple, plot.Axes.Left);
        AddLine(plot, record, MetricNames.ThroughputIn, "throughput in", Colors.Green, plot.Axes.Right);
        AddLine(plot, record, MetricNames.ThroughputOut, "throughput out", Colors.DarkOrange, plot.Axes.Right);

        plot.Title(RunIds.For(record.Run));
        plot.XLabel("seconds since run start");
        plot.Axes.Left.Label.Text = "lag (events)";
        plot.Axes.Right.Label.Text = "throughput (events/s)";
        plot.ShowLegend(Alignment.UpperRight);
        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }

    private static void AddLine(Plot plot, RunRecord record, string metric, string label, Color color, IYAxis axis)
    {
        var (times, values) = record.History.Series(metric);
        if (times.Length == 0)
            return;
        var line = plot.Add.ScatterLine(times.Select(t => t - record.StartTime).ToArray(), values);
        line.LegendText = label;
        line.Color = color;
        line.LineWidth = 1.5f;
        line.Axes.YAxis = axis;
    }
}
