using System.CommandLine;
using HeuristicsBench.Cli;
using HeuristicsMiner.Algorithm.Model;
using HeuristicsMiner.Algorithm.Summaries;

namespace HeuristicsMiner.Cli;

/// <summary>The summary and threshold options shared by <c>mine</c> and <c>serve</c>, with their checks; their defaults
/// come from <paramref name="defaults"/> (built in for <c>mine</c>, MINER_* variables for <c>serve</c>).</summary>
public sealed class MiningOptions
{
    public MiningOptions(OptionDefaults defaults)
    {
        ArgumentNullException.ThrowIfNull(defaults);
        Epsilon = defaults.Set(new Option<double>("--epsilon") { Description = "Lossy Counting error bound ε in [0,1); 0 counts exactly" }, 0.001);
        Variant = defaults.Set(new Option<string>("--variant") { Description = "lc (Lossy Counting), lcb (with budget) or sw (sliding window)" }, "lc");
        defaults.AcceptOnlyFromAmong(Variant, "lc", "lcb", "sw");
        Budget = defaults.Set(new Option<long>("--budget") { Description = "lcb: total entries over all structures" }, 100_000L);
        Window = defaults.Set(new Option<int>("--window") { Description = "sw: events in the window" }, 100_000);
        Dependency = defaults.Set(new Option<double>("--dependency-threshold") { Description = "Minimum dependency a=>b of a kept arc, in [-1,1]" }, 0.9);
        Positive = defaults.Set(new Option<long>("--positive-observations") { Description = "Minimum |a>b| of a kept arc" }, 10L);
        And = defaults.Set(new Option<double>("--and-threshold") { Description = "AND measure from which two outputs/inputs are parallel" }, 0.1);
        LoopTwo = defaults.Set(new Option<double>("--loop-two-threshold") { Description = "Minimum a=>2 b of a kept length-two loop" }, 0.9);
        // no environment variable: "off unless given" has no text a variable could hold
        Relative = new Option<double?>("--relative-to-best") { Description = "Keep an arc only within this of the best dependency of its source or target (off unless given)" };

        defaults.Require(Epsilon, v => v is >= 0 and < 1, "must be in [0, 1) (0 = exact counting)");
        defaults.Require(Budget, v => v >= LossyCountingBudgetSummary.MinimumBudget, $"must be at least {LossyCountingBudgetSummary.MinimumBudget}");
        defaults.Require(Window, v => v >= 1, "must be at least 1");
        defaults.Require(Dependency, v => v is >= -1 and <= 1, "must be in [-1, 1]");
        defaults.Require(Positive, v => v >= 0, "must be >= 0");
        defaults.Require(And, v => v is >= 0 and <= 1, "must be in [0, 1]");
        defaults.Require(LoopTwo, v => v is >= 0 and <= 1, "must be in [0, 1]");
        defaults.Require(Relative, v => v is null or (>= 0 and <= 2), "must be in [0, 2]");
    }

    public Option<double> Epsilon { get; }
    public Option<string> Variant { get; }
    public Option<long> Budget { get; }
    public Option<int> Window { get; }
    public Option<double> Dependency { get; }
    public Option<long> Positive { get; }
    public Option<double> And { get; }
    public Option<double> LoopTwo { get; }
    public Option<double?> Relative { get; }

    public IEnumerable<Option> All => [Epsilon, Variant, Budget, Window, Dependency, Positive, And, LoopTwo, Relative];

    public SummaryOptions Summary(ParseResult parse) => new(
        parse.GetValue(Variant) switch
        {
            "lcb" => SummaryVariant.LossyCountingWithBudget,
            "sw" => SummaryVariant.SlidingWindow,
            _ => SummaryVariant.LossyCounting,
        },
        parse.GetValue(Epsilon), parse.GetValue(Budget), parse.GetValue(Window));

    public ModelThresholds Thresholds(ParseResult parse) => new(
        parse.GetValue(Dependency), parse.GetValue(Positive), parse.GetValue(And), parse.GetValue(LoopTwo), parse.GetValue(Relative));
}
