using System.CommandLine;
using System.Globalization;
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
        var epsilon = new Option<double>("--epsilon") { Description = "Lossy Counting error bound ε in [0,1); 0 counts exactly", DefaultValueFactory = _ => 0.001 };
        var variant = new Option<string>("--variant") { Description = "lc (Lossy Counting), lcb (with budget) or sw (sliding window)", DefaultValueFactory = _ => "lc" };
        variant.AcceptOnlyFromAmong("lc", "lcb", "sw");
        var budget = new Option<long>("--budget") { Description = "lcb: total entries over all structures", DefaultValueFactory = _ => 100_000 };
        var window = new Option<int>("--window") { Description = "sw: events in the window", DefaultValueFactory = _ => 100_000 };
        var dependency = new Option<double>("--dependency-threshold") { Description = "Minimum dependency a=>b of a kept arc, in [-1,1]", DefaultValueFactory = _ => 0.9 };
        var positive = new Option<long>("--positive-observations") { Description = "Minimum |a>b| of a kept arc", DefaultValueFactory = _ => 10 };
        var and = new Option<double>("--and-threshold") { Description = "AND measure from which two outputs/inputs are parallel", DefaultValueFactory = _ => 0.1 };
        var loopTwo = new Option<double>("--loop-two-threshold") { Description = "Minimum a=>2 b of a kept length-two loop", DefaultValueFactory = _ => 0.9 };
        var relative = new Option<double?>("--relative-to-best") { Description = "Keep an arc only within this of the best dependency of its source or target (off unless given)" };
        var format = new Option<string>("--format", "-f") { Description = "json, dot, pnml or text (a readable summary)", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("json", "dot", "pnml", "text");
        var output = new Option<string?>("--output", "-o") { Description = "Output file (written atomically); standard output when absent" };
        var lifecycle = new Option<string>("--lifecycle") { Description = "XES: complete (events without lifecycle or with 'complete') or all", DefaultValueFactory = _ => "complete" };
        lifecycle.AcceptOnlyFromAmong("complete", "all");
        var seed = new Option<int>("--seed") { Description = "XES without timestamps: seed of the trace interleaving", DefaultValueFactory = _ => 42 };
        var openCases = new Option<int>("--open-cases") { Description = "XES without timestamps: traces interleaved at once", DefaultValueFactory = _ => 10 };
        var indent = new Option<bool>("--indent") { Description = "Indent JSON output" };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No progress or statistics on standard error" };

        AddRangeCheck(epsilon, v => v is >= 0 and < 1, "must be in [0, 1) (0 = exact counting)");
        AddRangeCheck(budget, v => v >= LossyCountingBudgetSummary.MinimumBudget, $"must be at least {LossyCountingBudgetSummary.MinimumBudget}");
        AddRangeCheck(window, v => v >= 1, "must be at least 1");
        AddRangeCheck(dependency, v => v is >= -1 and <= 1, "must be in [-1, 1]");
        AddRangeCheck(positive, v => v >= 0, "must be >= 0");
        AddRangeCheck(and, v => v is >= 0 and <= 1, "must be in [0, 1]");
        AddRangeCheck(loopTwo, v => v is >= 0 and <= 1, "must be in [0, 1]");
        AddRangeCheck(relative, v => v is null or (>= 0 and <= 2), "must be in [0, 2]");
        AddRangeCheck(openCases, v => v >= 1, "must be at least 1");

        var command = new Command("mine", "Mine an event log file as a stream and print or save the model.")
        {
            input, epsilon, variant, budget, window, dependency, positive, and, loopTwo, relative,
            format, output, lifecycle, seed, openCases, indent, quiet,
        };
        command.SetAction(parse =>
        {
            var settings = new MineSettings(
                parse.GetValue(input)!,
                new SummaryOptions(
                    parse.GetValue(variant) switch
                    {
                        "lcb" => SummaryVariant.LossyCountingWithBudget,
                        "sw" => SummaryVariant.SlidingWindow,
                        _ => SummaryVariant.LossyCounting,
                    },
                    parse.GetValue(epsilon), parse.GetValue(budget), parse.GetValue(window)),
                new ModelThresholds(parse.GetValue(dependency), parse.GetValue(positive), parse.GetValue(and),
                    parse.GetValue(loopTwo), parse.GetValue(relative)),
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

    private static void AddRangeCheck<T>(Option<T> option, Func<T, bool> valid, string rule)
    {
        option.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<T>();
            if (!valid(value))
                result.AddError($"{option.Name} {Convert.ToString(value, CultureInfo.InvariantCulture)}: {rule}");
        });
    }
}
