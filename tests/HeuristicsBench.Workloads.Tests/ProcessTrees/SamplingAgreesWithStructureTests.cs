using HeuristicsBench.Workloads.ProcessTrees;

namespace HeuristicsBench.Workloads.Tests.ProcessTrees;

/// <summary>
/// The structural footprint against what the simulation produces: every sampled directly-follows pair,
/// "a b a" pattern, start and end activity is in the structural relation, and over enough cases the samples
/// cover it exactly. Also against a naive enumeration of the language.
/// </summary>
public class SamplingAgreesWithStructureTests
{
    private sealed record Observed(HashSet<ActivityPair> Follows, HashSet<ActivityPair> Returns, HashSet<string> Starts, HashSet<string> Ends);

    private static Observed Observe(IEnumerable<IReadOnlyList<string>> traces)
    {
        var o = new Observed([], [], [], []);
        foreach (var t in traces)
        {
            if (t.Count == 0)
                continue;
            o.Starts.Add(t[0]);
            o.Ends.Add(t[^1]);
            for (var i = 0; i + 1 < t.Count; i++)
            {
                o.Follows.Add(new ActivityPair(t[i], t[i + 1]));
                if (i + 2 < t.Count && t[i + 2] == t[i] && t[i + 1] != t[i])
                    o.Returns.Add(new ActivityPair(t[i], t[i + 1]));
            }
        }
        return o;
    }

    private static void AssertCovered(ProcessTreeFootprint f, Observed o, string tree)
    {
        Assert.True(o.Follows.IsSubsetOf(f.DirectlyFollows), $"sampled > outside the structure: {tree}");
        Assert.True(o.Returns.IsSubsetOf(f.LengthTwoLoops), $"sampled aba outside the structure: {tree}");
        Assert.True(o.Follows.SetEquals(f.DirectlyFollows), $"{tree}: never sampled {string.Join(", ", f.DirectlyFollows.Except(o.Follows))}");
        Assert.True(o.Returns.SetEquals(f.LengthTwoLoops), $"{tree}: never sampled aba {string.Join(", ", f.LengthTwoLoops.Except(o.Returns))}");
        Assert.Equal(f.StartActivities, o.Starts.Order(StringComparer.Ordinal));
        Assert.Equal(f.EndActivities, o.Ends.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Random_trees()
    {
        var options = new RandomTreeOptions { MinActivities = 2, ModeActivities = 5, MaxActivities = 8, Silent = 0.3 };
        for (var seed = 0UL; seed < 150; seed++)
        {
            var tree = RandomTreeGenerator.Generate(options, seed);
            var model = new ProcessTreeModel("m", tree);
            var observed = Observe(ProcessTreeModelTests.Traces(model, seed, 20000));
            AssertCovered(model.Footprint, observed, tree.ToString());
        }
    }

    [Theory]
    [InlineData("running-example")]
    [InlineData("loan-application")]
    public void Built_in_models(string name)
    {
        var model = ProcessTreeLibrary.Load(name);
        AssertCovered(model.Footprint, Observe(ProcessTreeModelTests.Traces(model, 11, 20000)), name);
    }

    [Theory]
    [InlineData("*( X( 'a', tau ), 'b' )")]
    [InlineData("*( +( 'a', 'b' ), 'c' )")]
    [InlineData("+( *( 'a', tau ), 'b', X( 'c', tau ) )")]
    [InlineData("->( 'a', *( X( ->( 'b', 'c' ), tau ), X( 'd', tau ) ), 'e' )")]
    [InlineData("X( ->( 'a', 'b', 'a' ), *( 'b', +( 'c', tau ) ) )")]
    public void Tricky_trees(string text)
    {
        var model = ProcessTreeModelTests.Model(text);
        AssertCovered(model.Footprint, Observe(ProcessTreeModelTests.Traces(model, 3, 20000)), text);
    }

    [Fact]
    public void Enumerated_language_stays_within_the_structure()
    {
        var options = new RandomTreeOptions { MinActivities = 2, ModeActivities = 4, MaxActivities = 5, Silent = 0.3 };
        for (var seed = 1000UL; seed < 1100; seed++)
        {
            var tree = RandomTreeGenerator.Generate(options, seed);
            var f = ProcessTreeFootprint.Compute(tree);
            var language = BoundedLanguage.Traces(tree, 7);
            var o = Observe(language.Select(w => (IReadOnlyList<string>)[.. w.Select(c => c.ToString())]));
            Assert.True(o.Follows.IsSubsetOf(f.DirectlyFollows), tree.ToString());
            Assert.True(o.Returns.IsSubsetOf(f.LengthTwoLoops), tree.ToString());
            Assert.Equal(language.Contains(""), f.AcceptsEmptyTrace);
        }
    }
}
