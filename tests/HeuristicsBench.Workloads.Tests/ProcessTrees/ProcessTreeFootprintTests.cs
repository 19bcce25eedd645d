using HeuristicsBench.Workloads.ProcessTrees;

namespace HeuristicsBench.Workloads.Tests.ProcessTrees;

/// <summary>Ground truth of small trees, every expected relation written out by hand.</summary>
public class ProcessTreeFootprintTests
{
    private static ProcessTreeFootprint Footprint(string text) => ProcessTreeFootprint.Compute(ProcessTreeParser.Parse(text, "t").Root);

    private static string[] Causal(ProcessTreeFootprint f) => [.. f.CausalRelations.Select(r => $"{r.From}->{r.To}")];

    private static string[] Follows(ProcessTreeFootprint f) => [.. f.DirectlyFollows.Select(p => $"{p.First}{p.Second}").Order(StringComparer.Ordinal)];

    private static string[] Returns(ProcessTreeFootprint f) => [.. f.LengthTwoLoops.Select(p => $"{p.First}{p.Second}{p.First}").Order(StringComparer.Ordinal)];

    [Fact]
    public void Sequence()
    {
        var f = Footprint("->( 'a', 'b', 'c' )");
        Assert.Equal(["a", "b", "c"], f.Activities);
        Assert.Equal(["ab", "bc"], Follows(f));
        Assert.Equal(["a->b", "b->c"], Causal(f));
        Assert.Equal(["a"], f.StartActivities);
        Assert.Equal(["c"], f.EndActivities);
        Assert.Empty(f.LengthTwoLoops);
        Assert.False(f.AcceptsEmptyTrace);
    }

    [Fact]
    public void Choice()
    {
        var f = Footprint("X( 'a', 'b' )");
        Assert.Empty(f.DirectlyFollows);
        Assert.Empty(f.CausalRelations);
        Assert.Equal(["a", "b"], f.StartActivities);
        Assert.Equal(["a", "b"], f.EndActivities);

        f = Footprint("->( 's', X( 'a', 'b' ), 'e' )");
        Assert.Equal(["ae", "be", "sa", "sb"], Follows(f));
        Assert.Equal(["a->e", "b->e", "s->a", "s->b"], Causal(f));
    }

    [Fact]
    public void Choice_with_tau_lets_the_sequence_skip()
    {
        var f = Footprint("->( 'a', X( 'b', tau ), 'c' )");
        Assert.Equal(["ab", "ac", "bc"], Follows(f));
        Assert.Equal(["a->b", "a->c", "b->c"], Causal(f));
    }

    [Fact]
    public void Parallel_is_not_causal()
    {
        var f = Footprint("->( 's', +( 'a', 'b' ), 'e' )");
        Assert.Equal(["ab", "ae", "ba", "be", "sa", "sb"], Follows(f));
        Assert.Equal(["a->e", "b->e", "s->a", "s->b"], Causal(f));
        Assert.Empty(f.LengthTwoLoops);
    }

    [Fact]
    public void Loop_with_tau_redo_connects_the_end_of_do_to_its_start()
    {
        var f = Footprint("->( 's', *( ->( 'a', 'b', 'c' ), tau ), 'e' )");
        Assert.Equal(["ab", "bc", "ca", "ce", "sa"], Follows(f));
        Assert.Equal(["a->b", "b->c", "c->a", "c->e", "s->a"], Causal(f));
        Assert.Empty(f.LengthTwoLoops);
    }

    [Fact]
    public void Self_loop()
    {
        var f = Footprint("->( 's', *( 'a', tau ), 'e' )");
        Assert.Equal(["aa", "ae", "sa"], Follows(f));
        Assert.Equal(["a->a", "a->e", "s->a"], Causal(f));
    }

    [Fact]
    public void Length_two_loop_makes_both_directions_causal()
    {
        var f = Footprint("->( 's', *( 'a', 'b' ), 'e' )");
        Assert.Equal(["ab", "ae", "ba", "sa"], Follows(f));
        Assert.Equal(["aba", "bab"], Returns(f)); // a b a b a
        Assert.Equal(["a->b", "a->e", "b->a", "s->a"], Causal(f));
        Assert.Equal(["s"], f.StartActivities);
        Assert.Equal(["e"], f.EndActivities);
    }

    [Fact]
    public void A_length_two_pattern_with_a_self_loop_is_not_a_length_two_loop()
    {
        // a b a is possible (a twice around b) but a follows itself: only the self loop is causal.
        // (a a a occurs too, but the length-two loops pair distinct activities.)
        var f = Footprint("+( *( 'a', tau ), 'b' )");
        Assert.Equal(["aa", "ab", "ba"], Follows(f));
        Assert.Equal(["aba"], Returns(f));
        Assert.Equal(["a->a"], Causal(f));
    }

    [Fact]
    public void Loop_around_a_parallel_returns_only_through_the_redo()
    {
        // b a c a b: "a c a" and "b c b" occur; "a b a" never (each iteration holds one a and one b).
        var f = Footprint("*( +( 'a', 'b' ), 'c' )");
        Assert.Equal(["ab", "ac", "ba", "bc", "ca", "cb"], Follows(f));
        Assert.Equal(["aca", "bcb"], Returns(f));
        Assert.Equal(["a->c", "b->c", "c->a", "c->b"], Causal(f));
        Assert.Equal(["a", "b"], f.StartActivities);
        Assert.Equal(["a", "b"], f.EndActivities);
    }

    [Fact]
    public void Loop_with_a_do_that_can_be_skipped()
    {
        // Traces: ε, a, b, a b, b a, b b, a b a, b a b, b b b, …: b follows itself through an empty do.
        var f = Footprint("*( X( 'a', tau ), 'b' )");
        Assert.True(f.AcceptsEmptyTrace);
        Assert.Equal(["ab", "ba", "bb"], Follows(f));
        Assert.Equal(["aba", "bab"], Returns(f));
        Assert.Equal(["b->b"], Causal(f));
        Assert.Equal(["a", "b"], f.StartActivities);
        Assert.Equal(["a", "b"], f.EndActivities);
    }

    [Fact]
    public void Duplicate_labels_are_one_activity()
    {
        var f = Footprint("->( 'a', 'b', 'a' )");
        Assert.Equal(["a", "b"], f.Activities);
        Assert.Equal(["ab", "ba"], Follows(f));
        Assert.Equal(["aba"], Returns(f));
        Assert.Equal(["a->b", "b->a"], Causal(f));
        Assert.Equal(["a"], f.StartActivities);
        Assert.Equal(["a"], f.EndActivities);
    }

    [Fact]
    public void Silent_tree_has_no_activities()
    {
        var f = Footprint("X( tau, tau )");
        Assert.Empty(f.Activities);
        Assert.True(f.AcceptsEmptyTrace);
        Assert.Empty(f.StartActivities);
    }

    [Fact]
    public void Running_example()
    {
        var truth = ProcessTreeLibrary.Load("running-example").TruthAt(0);
        Assert.Equal(
            [
                "check ticket", "decide", "examine casually", "examine thoroughly", "pay compensation",
                "register request", "reinitiate request", "reject request",
            ],
            truth.Activities);
        Assert.Equal(
            [
                "check ticket->decide",
                "decide->pay compensation",
                "decide->reinitiate request",
                "decide->reject request",
                "examine casually->decide",
                "examine thoroughly->decide",
                "register request->check ticket",
                "register request->examine casually",
                "register request->examine thoroughly",
                "reinitiate request->check ticket",
                "reinitiate request->examine casually",
                "reinitiate request->examine thoroughly",
            ],
            truth.Relations.Select(r => $"{r.From}->{r.To}"));
        Assert.Equal(["register request"], truth.StartActivities);
        Assert.Equal(["pay compensation", "reject request"], truth.EndActivities);

        var f = ProcessTreeLibrary.Load("running-example").Footprint;
        Assert.Equal(16, f.DirectlyFollows.Count); // the 12 above plus check ticket ∥ either examination, both ways
        Assert.Contains(new ActivityPair("check ticket", "examine casually"), f.DirectlyFollows);
        Assert.Contains(new ActivityPair("examine thoroughly", "check ticket"), f.DirectlyFollows);
        Assert.Empty(f.LengthTwoLoops);
    }

    [Fact]
    public void Loan_application()
    {
        var truth = ProcessTreeLibrary.Load("loan-application").TruthAt(0);
        Assert.Equal(
            [
                "appraise property->assess eligibility",
                "assess eligibility->prepare offer",
                "assess eligibility->reject application",
                "check completeness->appraise property",
                "check completeness->check credit",
                "check completeness->request documents",
                "check completeness->verify income",
                "check credit->assess eligibility",
                "prepare offer->send offer",
                "reject application->notify customer",
                "request documents->check completeness",
                "send offer->notify customer",
                "submit application->check completeness",
                "verify income->assess eligibility",
            ],
            truth.Relations.Select(r => $"{r.From}->{r.To}"));
        Assert.Equal(["submit application"], truth.StartActivities);
        Assert.Equal(["notify customer"], truth.EndActivities);
        Assert.Equal(11, truth.Activities.Count);
    }
}
