using HeuristicsBench.Workloads.Models;
using HeuristicsBench.Workloads.ProcessTrees;
using HeuristicsBench.Workloads.Randomness;

namespace HeuristicsBench.Workloads.Tests.ProcessTrees;

public class ProcessTreeModelTests
{
    internal static ProcessTreeModel Model(string text, int maxLoopIterations = ProcessTreeModel.DefaultMaxLoopIterations) =>
        new("m", ProcessTreeParser.Parse(text, "t"), maxLoopIterations);

    internal static List<SimulatedStep[]> Simulate(IProcessModel model, ulong seed, int cases)
    {
        var random = new DeterministicRandom(seed);
        var steps = new List<SimulatedStep>();
        var result = new List<SimulatedStep[]>();
        for (var i = 0; i < cases; i++)
        {
            steps.Clear();
            model.SimulateCase(random, i, steps);
            result.Add([.. steps]);
        }
        return result;
    }

    internal static List<string[]> Traces(IProcessModel model, ulong seed, int cases) =>
        [.. Simulate(model, seed, cases).Select(c => c.Select(s => s.Activity).ToArray())];

    private static bool Accepts(ProcessTreeModel model, string trace) =>
        model.Accepts(trace.Length == 0 ? [] : trace.Split(' '), 0);

    [Fact]
    public void Running_example_accepts_its_traces_and_rejects_wrong_ones()
    {
        var m = ProcessTreeLibrary.Load("running-example");
        Assert.True(m.Accepts(["register request", "check ticket", "examine casually", "decide", "pay compensation"], 0));
        Assert.True(m.Accepts(
            [
                "register request", "examine thoroughly", "check ticket", "decide", "reinitiate request",
                "check ticket", "examine casually", "decide", "reinitiate request",
                "examine casually", "check ticket", "decide", "reject request",
            ],
            0));

        Assert.False(m.Accepts([], 0));
        Assert.False(m.Accepts(["register request"], 0));
        Assert.False(m.Accepts(["register request", "check ticket", "decide", "pay compensation"], 0));
        Assert.False(m.Accepts(["register request", "check ticket", "examine casually", "examine thoroughly", "decide", "pay compensation"], 0));
        Assert.False(m.Accepts(["register request", "check ticket", "examine casually", "decide"], 0));
        Assert.False(m.Accepts(["register request", "check ticket", "examine casually", "decide", "pay compensation", "pay compensation"], 0));
        Assert.False(m.Accepts(["register request", "check ticket", "examine casually", "decide", "reinitiate request"], 0));
        Assert.False(m.Accepts(["register request", "decide", "check ticket", "examine casually", "pay compensation"], 0));
        Assert.False(m.Accepts(["register request", "check ticket", "examine casually", "decide", "reinitiate request", "decide", "reject request"], 0));
        Assert.False(m.Accepts(["register request", "check ticket", "examine casually", "decide", "unknown"], 0));
    }

    [Fact]
    public void Accepts_is_exact_on_small_trees()
    {
        var seq = Model("->( 'a', X( 'b', tau ), 'c' )");
        Assert.True(Accepts(seq, "a b c"));
        Assert.True(Accepts(seq, "a c"));
        Assert.False(Accepts(seq, "a b"));
        Assert.False(Accepts(seq, "a b b c"));
        Assert.False(Accepts(seq, "b a c"));

        // Shuffle with a duplicate label: either a can belong to either branch.
        var par = Model("+( ->( 'a', 'b' ), ->( 'a', 'c' ) )");
        foreach (var ok in new[] { "a a b c", "a a c b", "a b a c", "a c a b" })
            Assert.True(Accepts(par, ok), ok);
        foreach (var bad in new[] { "a b c a", "b a a c", "a a b", "a a b c c", "a b c" })
            Assert.False(Accepts(par, bad), bad);

        // Loops are not capped in the language (the simulation caps them).
        var loop = Model("*( 'a', 'b' )");
        Assert.True(Accepts(loop, "a" + string.Concat(Enumerable.Repeat(" b a", 30))));
        Assert.False(Accepts(loop, "a b"));
        Assert.False(Accepts(loop, "a a"));
        Assert.False(Accepts(loop, ""));

        var nullable = Model("*( X( 'a', tau ), tau )");
        Assert.True(Accepts(nullable, ""));
        Assert.True(Accepts(nullable, "a a a a a"));
        Assert.False(Accepts(nullable, "b"));

        var nested = Model("*( +( 'a', *( 'b', tau ) ), 'c' )");
        Assert.True(Accepts(nested, "b b a c a b"));
        Assert.False(Accepts(nested, "b b c a b"));
        Assert.False(Accepts(nested, "a b c"));
    }

    [Fact]
    public void Accepts_agrees_with_a_naive_enumeration_of_the_language()
    {
        var options = new RandomTreeOptions { MinActivities = 2, ModeActivities = 3, MaxActivities = 4, Silent = 0.3 };
        const int maxLength = 6;
        for (var seed = 0UL; seed < 120; seed++)
        {
            var tree = RandomTreeGenerator.Generate(options, seed);
            var model = new ProcessTreeModel("m", tree);
            var language = BoundedLanguage.Traces(tree, maxLength);
            foreach (var word in BoundedLanguage.Words(model.Activities, maxLength))
                Assert.True(language.Contains(word) == model.Accepts([.. word.Select(c => c.ToString())], 0), $"{tree}: '{word}'");
        }
    }

    [Fact]
    public void Every_simulated_trace_is_accepted()
    {
        foreach (var name in ProcessTreeLibrary.Names)
        {
            var model = ProcessTreeLibrary.Load(name);
            foreach (var trace in Traces(model, 7, 2000))
                Assert.True(model.Accepts(trace, 0), $"{name}: {string.Join(", ", trace)}");
        }

        for (var seed = 0UL; seed < 150; seed++)
        {
            var tree = RandomTreeGenerator.Generate(new RandomTreeOptions { MinActivities = 3, ModeActivities = 10, MaxActivities = 25 }, seed);
            var model = new ProcessTreeModel("m", tree);
            foreach (var trace in Traces(model, seed, 100))
                Assert.True(model.Accepts(trace, 0), $"{tree}: {string.Join(" ", trace)}");
        }
    }

    [Fact]
    public void Same_seed_same_cases_different_seeds_differ()
    {
        var model = ProcessTreeLibrary.Load("loan-application");
        var first = Simulate(model, 42, 300);
        Assert.Equal(first, Simulate(ProcessTreeLibrary.Load("loan-application"), 42, 300));
        Assert.NotEqual(first.Select(c => string.Join("|", c)), Simulate(model, 43, 300).Select(c => string.Join("|", c)));

        var tree = RandomTreeGenerator.Generate(new RandomTreeOptions(), 5);
        Assert.Equal(Simulate(new ProcessTreeModel("r", tree), 1, 100), Simulate(new ProcessTreeModel("r", tree), 1, 100));
    }

    [Fact]
    public void Durations_come_from_the_file_or_the_default_and_the_node_is_the_model_name()
    {
        var loan = ProcessTreeLibrary.Load("loan-application");
        var steps = Simulate(loan, 3, 500).SelectMany(c => c).ToList();
        Assert.All(steps, s => Assert.Equal("loan-application", s.Node));
        Assert.All(steps.Where(s => s.Activity == "send offer"), s => Assert.Equal(TimeSpan.FromMinutes(5), s.Duration));
        Assert.All(steps.Where(s => s.Activity == "check completeness"), s => Assert.InRange(s.Duration, TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(20)));
        Assert.All(steps, s => Assert.True(s.Duration >= TimeSpan.Zero));

        var running = Simulate(ProcessTreeLibrary.Load("running-example"), 3, 500).SelectMany(c => c).ToList();
        Assert.All(running, s => Assert.InRange(s.Duration, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60)));
        Assert.Equal(ProcessTreeModel.DefaultDuration, new DurationDistribution.Uniform(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60)));

        var defaulted = Simulate(Model("@default-duration constant 7s\n@duration 'b' constant 1s\n->( 'a', 'b' )"), 1, 10).SelectMany(c => c);
        Assert.All(defaulted, s => Assert.Equal(s.Activity == "b" ? TimeSpan.FromSeconds(1) : TimeSpan.FromSeconds(7), s.Duration));
    }

    [Fact]
    public void Loops_are_capped_in_the_simulation()
    {
        var lengths = Traces(Model("*[0.99]( 'a', tau )"), 1, 1000).Select(t => t.Length).ToList();
        Assert.Equal(ProcessTreeModel.DefaultMaxLoopIterations, lengths.Max());
        Assert.Equal(1, lengths.Min());

        var capped = Traces(Model("*[0.99]( 'a', 'b' )", maxLoopIterations: 3), 1, 1000).Select(t => string.Join(" ", t)).ToList();
        Assert.All(capped, t => Assert.True(t is "a" or "a b a" or "a b a b a", t));
        Assert.InRange(capped.Count(t => t == "a b a b a"), 950, 1000); // 0.99²
    }

    [Fact]
    public void Redo_probability_sets_the_number_of_iterations()
    {
        var defaults = Traces(Model("*( 'a', tau )"), 2, 20000);
        Assert.InRange(defaults.Count(t => t.Length == 1), 9500, 10500);     // exit at once with 1 - 0.5
        var low = Traces(Model("*[0.2]( 'a', tau )"), 2, 20000);
        Assert.InRange(low.Count(t => t.Length == 1), 15600, 16400);         // 0.8
        Assert.InRange(low.Count(t => t.Length == 2), 3000, 3400);           // 0.2 · 0.8
    }

    [Fact]
    public void Choice_weights_set_the_frequencies()
    {
        var traces = Traces(Model("X[0.9,0.1]( 'a', 'b' )"), 4, 10000);
        Assert.InRange(traces.Count(t => t[0] == "a"), 8800, 9200);
        var equal = Traces(Model("X( 'a', 'b', 'c' )"), 4, 9000);
        Assert.All(["a", "b", "c"], (string x) => Assert.InRange(equal.Count(t => t[0] == x), 2800, 3200));
    }

    [Fact]
    public void Parallel_interleavings_are_equally_likely()
    {
        var counts = Traces(Model("+( ->( 'a', 'b' ), 'c' )"), 9, 9000)
            .GroupBy(t => string.Concat(t))
            .ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(["abc", "acb", "cab"], counts.Keys.Order(StringComparer.Ordinal));
        Assert.All(counts.Values, n => Assert.InRange(n, 2800, 3200));
    }

    [Fact]
    public void A_silent_path_gives_a_case_without_events()
    {
        var traces = Traces(Model("X( 'a', tau )"), 1, 100);
        Assert.Contains(traces, t => t.Length == 0);
        Assert.True(Model("X( 'a', tau )").Accepts([], 0));
    }

    [Fact]
    public void Truth_does_not_depend_on_the_step()
    {
        var m = ProcessTreeLibrary.Load("running-example");
        Assert.Same(m.TruthAt(0), m.TruthAt(1_000_000));
        Assert.Equal(m.Activities, m.TruthAt(0).Activities);
    }
}
