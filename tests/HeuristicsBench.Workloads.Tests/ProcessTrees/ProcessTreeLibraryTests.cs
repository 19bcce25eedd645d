using HeuristicsBench.Workloads.Models;
using HeuristicsBench.Workloads.ProcessTrees;

namespace HeuristicsBench.Workloads.Tests.ProcessTrees;

public class ProcessTreeLibraryTests
{
    private static ActivityLeaf A(string label) => new(label);

    [Fact]
    public void Lists_the_built_in_trees()
    {
        Assert.Equal(["loan-application", "running-example"], ProcessTreeLibrary.Names);
        var e = Assert.Throws<ArgumentException>(() => ProcessTreeLibrary.Load("nope"));
        Assert.Contains("loan-application, running-example", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Running_example_is_van_der_Aalsts_model()
    {
        var model = ProcessTreeLibrary.Load("running-example");
        Assert.Equal("running-example", model.Name);
        var expected = new SequenceNode(
            A("register request"),
            new LoopNode(
                new SequenceNode(
                    new ParallelNode(A("check ticket"), new ChoiceNode(A("examine casually"), A("examine thoroughly"))),
                    A("decide")),
                A("reinitiate request")),
            new ChoiceNode(A("pay compensation"), A("reject request")));
        Assert.Equal(expected, model.Tree.Root);
        Assert.Empty(model.Tree.Durations);
        Assert.Null(model.Tree.DefaultDuration);
    }

    [Fact]
    public void Loan_application_has_parallelism_a_loop_and_durations()
    {
        var tree = ProcessTreeLibrary.LoadTree("loan-application");
        Assert.Equal(11, tree.Durations.Count);
        Assert.Equal(new DurationDistribution.Gaussian(TimeSpan.FromHours(24), TimeSpan.FromHours(6)), tree.Durations["appraise property"]);
        var root = Assert.IsType<SequenceNode>(tree.Root);
        Assert.Contains(root.Children, c => c is ParallelNode { Children.Count: 3 });
        Assert.Equal(0.3, Assert.Single(root.Children.OfType<LoopNode>()).RedoProbability);
        Assert.Equal(tree, ProcessTreeParser.Parse(tree.ToString(), "again"));
    }
}
