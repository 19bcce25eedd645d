using System.CommandLine;
using HeuristicsBench.Cli;
using HeuristicsBench.EventLogs;
using HeuristicsMiner.Algorithm.Model;
using HeuristicsMiner.Algorithm.Summaries;
using HeuristicsMiner.Mining;

namespace HeuristicsMiner.Cli;

/// <summary><c>mine</c>: offline mining of an event log file (CSV, XES, XES.GZ) as a stream.</summary>
public static class MineCommand
{
    public static Command Create()
    {
        var input = new Option<string>("--input", "-i") { Description = "Event log: .csv (case_id,activity[,timestamp]), .xes or .xes.gz", Required = true };
        var defaults = OptionDefaults.BuiltIn();
        var mining = new MiningOptions(defaults);
        var format = new Option<string>("--format", "-f") { Description = "json, dot, pnml or text (a readable summary)", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("json", "dot", "pnml", "text");
        var output = new Option<string?>("--output", "-o") { Description = "Output file (written atomically); standard output when absent" };
        var lifecycle = new Option<string>("--lifecycle") { Description = "XES: complete (events without lifecycle or with 'complete') or all", DefaultValueFactory = _ => "complete" };
        lifecycle.AcceptOnlyFromAmong("complete", "all");
        var seed = new Option<int>("--seed") { Description = "XES without timestamps: seed of the trace interleaving", DefaultValueFactory = _ => 42 };
        var openCases = new Option<int>("--open-cases") { Description = "XES without timestamps: traces interleaved at once", DefaultValueFactory = _ => 10 };
        var indent = new Option<bool>("--indent") { Description = "Indent JSON output" };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No progress or statistics on standard error" };

        defaults.Require(openCases, v => v >= 1, "must be at least 1");

        var command = new Command("mine", "Mine an event log file as a stream and print or save the model.")
        {
            input, format, output, lifecycle, seed, openCases, indent, quiet,
        };
        foreach (var option in mining.All)
            command.Options.Add(option);
        command.SetAction(parse =>
        {
            var settings = new MineSettings(
                parse.GetValue(input)!,
                mining.Summary(parse),
                mining.Thresholds(parse),
                new EventLogReadOptions(
                    parse.GetValue(lifecycle) == "all" ? LifecycleFilter.All : LifecycleFilter.CompleteOnly,
                    parse.GetValue(seed), parse.GetValue(openCases)),
                Enum.Parse<ModelFormat>(parse.GetValue(format)!, ignoreCase: true),
                parse.GetValue(output),
                parse.GetValue(indent),
                parse.GetValue(quiet));
            return MineCli.Run(settings, Console.Out, Console.Error);
        });
        return command;
    }
}
