using System.CommandLine;
using System.Globalization;
using HeuristicsMiner.Algorithm.Model;
using HeuristicsMiner.Algorithm.Summaries;

namespace HeuristicsMiner.Cli;

/// <summary>The summary and threshold options shared by <c>mine</c> and <c>serve</c>, with their checks. Each default
/// can come from an environment variable (prefix + name) when a prefix is given, for containers.</summary>
public sealed class MiningOptions
{
    public MiningOptions(string? environmentPrefix = null)
    {
        var env = new EnvironmentDefaults(environmentPrefix);
        Epsilon = new Option<double>("--epsilon") { Description = "Lossy Counting error bound ε in [0,1); 0 counts exactly", DefaultValueFactory = env.Real("EPSILON", 0.001) };
        Variant = new Option<string>("--variant") { Description = "lc (Lossy Counting), lcb (with budget) or sw (sliding window)", DefaultValueFactory = env.Text("VARIANT", "lc") };
        Variant.AcceptOnlyFromAmong("lc", "lcb", "sw");
        AddChoiceCheck(Variant, ["lc", "lcb", "sw"]);
        Budget = new Option<long>("--budget") { Description = "lcb: total entries over all structures", DefaultValueFactory = env.LongCount("BUDGET", 100_000) };
        Window = new Option<int>("--window") { Description = "sw: events in the window", DefaultValueFactory = env.Count("WINDOW", 100_000) };
        Dependency = new Option<double>("--dependency-threshold") { Description = "Minimum dependency a=>b of a kept arc, in [-1,1]", DefaultValueFactory = env.Real("DEPENDENCY_THRESHOLD", 0.9) };
        Positive = new Option<long>("--positive-observations") { Description = "Minimum |a>b| of a kept arc", DefaultValueFactory = env.LongCount("POSITIVE_OBSERVATIONS", 10) };
        And = new Option<double>("--and-threshold") { Description = "AND measure from which two outputs/inputs are parallel", DefaultValueFactory = env.Real("AND_THRESHOLD", 0.1) };
        LoopTwo = new Option<double>("--loop-two-threshold") { Description = "Minimum a=>2 b of a kept length-two loop", DefaultValueFactory = env.Real("LOOP_TWO_THRESHOLD", 0.9) };
        Relative = new Option<double?>("--relative-to-best") { Description = "Keep an arc only within this of the best dependency of its source or target (off unless given)" };

        AddRangeCheck(Epsilon, v => v is >= 0 and < 1, "must be in [0, 1) (0 = exact counting)");
        AddRangeCheck(Budget, v => v >= LossyCountingBudgetSummary.MinimumBudget, $"must be at least {LossyCountingBudgetSummary.MinimumBudget}");
        AddRangeCheck(Window, v => v >= 1, "must be at least 1");
        AddRangeCheck(Dependency, v => v is >= -1 and <= 1, "must be in [-1, 1]");
        AddRangeCheck(Positive, v => v >= 0, "must be >= 0");
        AddRangeCheck(And, v => v is >= 0 and <= 1, "must be in [0, 1]");
        AddRangeCheck(LoopTwo, v => v is >= 0 and <= 1, "must be in [0, 1]");
        AddRangeCheck(Relative, v => v is null or (>= 0 and <= 2), "must be in [0, 2]");
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

    /// <summary>Refuses a value outside <paramref name="choices"/> also when it came from an environment default
    /// (AcceptOnlyFromAmong checks typed values only).</summary>
    public static void AddChoiceCheck(Option<string> option, IReadOnlyList<string> choices)
    {
        ArgumentNullException.ThrowIfNull(option);
        option.Validators.Add(result =>
        {
            string? value;
            try
            {
                value = result.GetValueOrDefault<string>();
            }
            catch (InvalidOperationException)
            {
                return;
            }
            if (value is not null && !choices.Contains(value, StringComparer.Ordinal))
                result.AddError($"{option.Name} '{value}' (from the environment?): use one of {string.Join(", ", choices)}");
        });
    }

    /// <summary>Adds a validator that reports "--name value: rule" when <paramref name="valid"/> is false.</summary>
    public static void AddRangeCheck<T>(Option<T> option, Func<T, bool> valid, string rule)
    {
        ArgumentNullException.ThrowIfNull(option);
        option.Validators.Add(result =>
        {
            T value;
            try
            {
                value = result.GetValueOrDefault<T>();
            }
            catch (InvalidOperationException)
            {
                return; // the value did not parse (e.g. a bad environment default): that error is already reported
            }
            if (!valid(value))
                result.AddError($"{option.Name} {Convert.ToString(value, CultureInfo.InvariantCulture)}: {rule}");
        });
    }
}
