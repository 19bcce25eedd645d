using HeuristicsBench.Workloads.ProcessTrees;

namespace HeuristicsBench.Workloads.Tests.ProcessTrees;

public class RandomTreeGeneratorTests
{
    private static IEnumerable<ProcessTreeNode> Nodes(ProcessTreeNode root) => [root, .. root.Children.SelectMany(Nodes)];

    private static List<string> Labels(ProcessTreeNode root) => [.. Nodes(root).OfType<ActivityLeaf>().Select(l => l.Label)];

    [Fact]
    public void Activity_counts_stay_within_min_and_max_and_are_named_in_order()
    {
        var options = new RandomTreeOptions { MinActivities = 4, ModeActivities = 6, MaxActivities = 12 };
        var counts = new HashSet<int>();
        for (var seed = 0UL; seed < 500; seed++)
        {
            var labels = Labels(RandomTreeGenerator.Generate(options, seed));
            Assert.InRange(labels.Count, 4, 12);
            Assert.Equal(labels.Count, labels.Distinct().Count());
            Assert.Equal(Enumerable.Range(0, labels.Count).Select(RandomTreeGenerator.ActivityName), labels.Order(StringComparer.Ordinal));
            counts.Add(labels.Count);
        }
        Assert.Contains(4, counts);
        Assert.Contains(12, counts);
    }

    [Fact]
    public void Activity_count_follows_the_triangular_distribution()
    {
        var counts = Enumerable.Range(0, 2000).Select(s => Labels(RandomTreeGenerator.Generate(new RandomTreeOptions(), (ulong)s)).Count).ToList();
        Assert.InRange(counts.Min(), 10, 12);
        Assert.InRange(counts.Max(), 28, 30);
        Assert.InRange(counts.Average(), 19.5, 20.5);
        Assert.All(Enumerable.Range(0, 20), s =>
            Assert.Equal(7, Labels(RandomTreeGenerator.Generate(new RandomTreeOptions { MinActivities = 7, ModeActivities = 7, MaxActivities = 7 }, (ulong)s)).Count));
    }

    [Fact]
    public void Same_seed_same_tree_different_seeds_differ()
    {
        var options = new RandomTreeOptions();
        for (var seed = 0UL; seed < 50; seed++)
            Assert.Equal(RandomTreeGenerator.Generate(options, seed), RandomTreeGenerator.Generate(options, seed));
        Assert.True(Enumerable.Range(0, 50).Select(s => RandomTreeGenerator.Generate(options, (ulong)s).ToString()).Distinct().Count() >= 49);
    }

    [Fact]
    public void Pinned_tree_for_seed_one()
    {
        // Pinned so that an accidental change of the generator (and of the trees a seed names) is noticed.
        var tree = RandomTreeGenerator.Generate(new RandomTreeOptions { MinActivities = 5, ModeActivities = 5, MaxActivities = 5 }, 1);
        Assert.Equal(PinnedSeedOne, tree.ToString());
    }

    private const string PinnedSeedOne = "+( ->( 'a', +( 'c', 'e' ) ), *( 'b', 'd' ) )";

    [Fact]
    public void Operator_probabilities_choose_the_operators()
    {
        var sequence = RandomTreeGenerator.Generate(new RandomTreeOptions { Sequence = 1, Choice = 0, Parallel = 0, Loop = 0, MinActivities = 6, ModeActivities = 6, MaxActivities = 6 }, 3);
        Assert.Equal("->( 'a', 'b', 'c', 'd', 'e', 'f' )".Length, sequence.ToString().Length);
        Assert.IsType<SequenceNode>(sequence);
        Assert.Equal(6, sequence.Children.Count);

        for (var seed = 0UL; seed < 50; seed++)
        {
            var loops = RandomTreeGenerator.Generate(new RandomTreeOptions { Sequence = 0, Choice = 0, Parallel = 0, Loop = 1, Silent = 0 }, seed);
            Assert.All(Nodes(loops).Where(n => n.Children.Count > 0), n => Assert.IsType<LoopNode>(n));
            Assert.DoesNotContain(Nodes(loops), n => n is SilentLeaf);

            var mixed = Nodes(RandomTreeGenerator.Generate(new RandomTreeOptions { Loop = 0, Silent = 0 }, seed)).ToList();
            Assert.DoesNotContain(mixed, n => n is LoopNode or SilentLeaf);
        }
    }

    [Fact]
    public void Silent_steps_only_in_choices_and_loops()
    {
        var sawTau = false;
        for (var seed = 0UL; seed < 100; seed++)
        {
            var tree = RandomTreeGenerator.Generate(new RandomTreeOptions { Silent = 0.5 }, seed);
            foreach (var n in Nodes(tree).Where(n => n.Children.Any(c => c is SilentLeaf)))
            {
                sawTau = true;
                Assert.True(n is ChoiceNode || (n is LoopNode loop && loop.Redo is SilentLeaf), tree.ToString());
                Assert.True(n.Children.Count(c => c is SilentLeaf) == 1, tree.ToString());
            }
        }
        Assert.True(sawTau);

        // Even when every step wants a silent choice, the generator ends with the drawn number of activities.
        var allSilent = RandomTreeGenerator.Generate(new RandomTreeOptions { Sequence = 0, Choice = 1, Parallel = 0, Loop = 0, Silent = 1 }, 1);
        Assert.InRange(Labels(allSilent).Count, 10, 30);
    }

    [Theory]
    [InlineData(0, "a")]
    [InlineData(25, "z")]
    [InlineData(26, "aa")]
    [InlineData(27, "ab")]
    [InlineData(51, "az")]
    [InlineData(52, "ba")]
    [InlineData(701, "zz")]
    [InlineData(702, "aaa")]
    public void Activity_names(int index, string name) => Assert.Equal(name, RandomTreeGenerator.ActivityName(index));

    [Fact]
    public void Bad_options_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => RandomTreeGenerator.Generate(new RandomTreeOptions { MinActivities = 0, ModeActivities = 0 }, 1));
        Assert.Throws<ArgumentException>(() => RandomTreeGenerator.Generate(new RandomTreeOptions { ModeActivities = 40 }, 1));
        Assert.Throws<ArgumentException>(() => RandomTreeGenerator.Generate(new RandomTreeOptions { Sequence = 0, Choice = 0, Parallel = 0, Loop = 0 }, 1));
        Assert.Throws<ArgumentException>(() => RandomTreeGenerator.Generate(new RandomTreeOptions { Loop = -1 }, 1));
        Assert.Throws<ArgumentException>(() => RandomTreeGenerator.Generate(new RandomTreeOptions { Silent = 1.5 }, 1));
    }
}
