using HeuristicsBench.Results.Plots;
using HeuristicsBench.Results.Report;
using HeuristicsBench.Results.Runs;
using HeuristicsBench.Results.Summary;
using HeuristicsBench.Results.Tests.Support;
using HeuristicsBench.Results.Writing;

namespace HeuristicsBench.Results.Tests.Writing;

public class ReportAndPlotTests
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    [Fact]
    public void Run_plot_is_a_real_png_of_the_requested_size()
    {
        var png = RunPlot.Render(Records.WithFault());
        AssertPng(png, RunPlot.Width, RunPlot.Height);
    }

    [Fact]
    public void Sweep_plots_render_with_and_without_a_band()
    {
        var summaries = Support.Experiments.Sweep().Runs.Select(r => RunSummaryCalculator.From(r)).ToList();
        AssertPng(SweepPlots.Recovery(summaries, "latency (ms)")!, RunPlot.Width, RunPlot.Height);
        AssertPng(SweepPlots.Recovery(summaries.Take(2).ToList(), "latency (ms)")!, RunPlot.Width, RunPlot.Height);
        AssertPng(SweepPlots.Fidelity(summaries, "latency (ms)")!, RunPlot.Width, RunPlot.Height);
        Assert.Null(SweepPlots.Recovery([], "latency (ms)"));
    }

    [Fact]
    public void Report_names_every_run_embeds_images_and_links_the_csvs()
    {
        using var dir = new TempDirectory();
        var results = Support.Experiments.Sweep();
        ResultsWriter.WriteExperiment(dir.Path, results, Support.Experiments.Machine);
        var html = File.ReadAllText(Path.Combine(dir.Path, "report.html"));
        foreach (var record in results.Runs)
            Assert.Contains(RunIds.For(record.Run), html, StringComparison.Ordinal);
        // 5 run plots + recovery + fidelity.
        Assert.Equal(7, CountOf(html, "src=\"data:image/png;base64,iVBORw0KGgo"));
        Assert.Contains("href=\"runs/00-delay-sweep-10ms-i1/metrics.csv\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"summary.csv\"", html, StringComparison.Ordinal);
        Assert.Contains("test-host", html, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"failures\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_lists_checker_failures_prominently()
    {
        var results = Support.Experiments.Sweep();
        var failed = results.Runs[1] with { Verdicts = [new CheckerVerdict("no-lost-events", false, "acknowledged 100 > in topic 90")] };
        results = results with { Runs = [results.Runs[0], failed] };
        var html = HtmlReport.Build(results, Support.Experiments.Machine, _ => null);
        Assert.Contains("class=\"failures\"", html, StringComparison.Ordinal);
        Assert.Contains("acknowledged 100 &gt; in topic 90", html, StringComparison.Ordinal);
        Assert.Contains("<tr class=\"failed\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_encodes_every_text()
    {
        var results = Support.Experiments.Sweep(scenarioName: "<script>alert(1)</script>", description: "a & b <i>");
        var html = HtmlReport.Build(results, Support.Experiments.Machine, _ => null);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("a &amp; b &lt;i&gt;", html, StringComparison.Ordinal);
    }

    private static void AssertPng(byte[] png, int width, int height)
    {
        Assert.Equal(PngSignature, png.Take(8));
        // IHDR: width and height big-endian at bytes 16..23.
        Assert.Equal(width, (png[16] << 24) | (png[17] << 16) | (png[18] << 8) | png[19]);
        Assert.Equal(height, (png[20] << 24) | (png[21] << 16) | (png[22] << 8) | png[23]);
        Assert.InRange(png.Length, 5_000, 2_000_000);
    }

    private static int CountOf(string text, string part)
    {
        int count = 0;
        for (int i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + 1, StringComparison.Ordinal))
            count++;
        return count;
    }
}
