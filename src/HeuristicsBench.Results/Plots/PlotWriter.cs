using HeuristicsBench.EventLogs;
using HeuristicsBench.Results.Runs;
using HeuristicsBench.Results.Summary;

namespace HeuristicsBench.Results.Plots;

/// <summary>Writes the PNG plots of an experiment to <c>&lt;experimentDir&gt;/plots/</c> (each file atomically).</summary>
public static class PlotWriter
{
    /// <summary>Writes one plot per finished run and the sweep plots; returns the names written, relative to plots/.</summary>
    public static IReadOnlyList<string> Write(string experimentDir, ExperimentResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var directory = Path.Combine(experimentDir, PlotNames.Directory);
        Directory.CreateDirectory(directory);
        var written = new List<string>();
        void Save(string name, byte[] png)
        {
            AtomicFile.Write(Path.Combine(directory, name), stream => stream.Write(png));
            written.Add(name);
        }

        foreach (var record in results.Runs)
            Save(PlotNames.Run(RunIds.For(record.Run)), RunPlot.Render(record));

        foreach (var scenario in results.Experiment.Scenarios.Where(s => s.Sweep is not null))
        {
            var summaries = results.Runs.Where(r => r.Run.Scenario == scenario.Name)
                .Select(r => RunSummaryCalculator.From(r, results.Experiment)).ToList();
            var label = PlotNames.SweepLabel(scenario);
            if (SweepPlots.Recovery(summaries, label) is { } recovery)
                Save(PlotNames.Recovery(scenario), recovery);
            if (SweepPlots.Fidelity(summaries, label) is { } fidelity)
                Save(PlotNames.Fidelity(scenario), fidelity);
        }
        return written;
    }
}
