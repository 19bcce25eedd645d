using System.CommandLine;
using System.Globalization;
using HeuristicsBench.Analysis.Paper;

namespace ChaosRunner.Analyze;

/// <summary><c>analyze DIR</c>: the reference paper's recovery times from a directory of <c>Metric,Time,Value</c> lag logs.</summary>
public static class AnalyzeCommand
{
    public static Command Create()
    {
        var defaults = new PaperRecoveryOptions();
        var directory = new Argument<string>("DIR") { Description = "Directory of Metric,Time,Value lag logs (not searched recursively)" };
        var format = new Option<string>("--format", "-f") { Description = "table (readable, with the mean of per-file means) or csv (file,events,mean_recovery_s)", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "csv");
        var pattern = new Option<string>("--pattern") { Description = "File name pattern (* and ?), e.g. 'single_pod_failure_*.log' for the paper's Ex1", DefaultValueFactory = _ => "*.log" };
        var prominence = new Option<double>("--prominence") { Description = "Smallest peak prominence (inclusive), as scipy find_peaks", DefaultValueFactory = _ => defaults.MinimumProminence };
        var minRows = new Option<int>("--min-rows") { Description = "Logs with fewer data rows are skipped", DefaultValueFactory = _ => defaults.MinimumRows };
        prominence.Validators.Add(result =>
        {
            double value = result.GetValueOrDefault<double>();
            if (!double.IsFinite(value) || value < 0)
                result.AddError(string.Create(CultureInfo.InvariantCulture, $"--prominence {value}: must be a finite number >= 0"));
        });
        minRows.Validators.Add(result =>
        {
            int value = result.GetValueOrDefault<int>();
            if (value < 0)
                result.AddError(string.Create(CultureInfo.InvariantCulture, $"--min-rows {value}: must be >= 0"));
        });

        var command = new Command("analyze", "Recovery times from lag logs with the reference paper's method (find_peaks prominence 50, expand to the median).")
        {
            directory, format, pattern, prominence, minRows,
        };
        command.SetAction(parse =>
        {
            var settings = new AnalyzeSettings(
                parse.GetValue(directory)!,
                parse.GetValue(pattern)!,
                parse.GetValue(format) == "csv" ? AnalyzeFormat.Csv : AnalyzeFormat.Table,
                new PaperRecoveryOptions { MinimumProminence = parse.GetValue(prominence), MinimumRows = parse.GetValue(minRows) });
            return AnalyzeCli.Run(settings, Console.Out, Console.Error);
        });
        return command;
    }
}
