using HeuristicsMiner.Algorithm.Model;
using HeuristicsMiner.Algorithm.PetriNets;
using static HeuristicsMiner.Tests.Export.NetFixtures;

namespace HeuristicsMiner.Tests.Export;

public class HeuristicsNetToPetriNetTests
{
    // The expected nets below were derived by hand by running pm4py's to_petri_net steps (entering places,
    // intplaces, hidden transitions, redundancy removal, single-entry then single-exit reduction) on paper.

    [Fact]
    public void Sequence_gives_a_chain_of_places()
    {
        var net = HeuristicsNetToPetriNet.Convert(Sequence());

        AssertNet(net,
            places: "source pre_b pre_c sink",
            visible: "a b c",
            silent: "",
            arcs: "source>a a>pre_b pre_b>b b>pre_c pre_c>c c>sink");
        WorkflowNetAssert.IsWorkflowNet(net);
    }

    [Fact]
    public void Sequence_replays_its_trace_and_rejects_others()
    {
        var net = HeuristicsNetToPetriNet.Convert(Sequence());

        Assert.True(TokenGame.CanReplay(net, "a b c"));
        Assert.False(TokenGame.CanReplay(net, "a c"));
        Assert.False(TokenGame.CanReplay(net, "a b"));
        Assert.False(TokenGame.CanReplay(net, "a b c c"));
        Assert.False(TokenGame.CanReplay(net, "b a c"));
    }

    [Fact]
    public void Xor_split_gives_one_choice_place_and_one_merge_place()
    {
        var net = HeuristicsNetToPetriNet.Convert(XorSplit());

        AssertNet(net,
            places: "source intplace_a pre_d sink",
            visible: "a b c d",
            silent: "",
            arcs: "source>a a>intplace_a intplace_a>b intplace_a>c b>pre_d c>pre_d pre_d>d d>sink");
        WorkflowNetAssert.IsWorkflowNet(net);
        Assert.True(TokenGame.CanReplay(net, "a b d"));
        Assert.True(TokenGame.CanReplay(net, "a c d"));
        Assert.False(TokenGame.CanReplay(net, "a b c d"));
        Assert.False(TokenGame.CanReplay(net, "a c b d"));
        Assert.False(TokenGame.CanReplay(net, "a d"));
    }

    [Fact]
    public void And_split_marks_both_branches_and_joins_them()
    {
        var net = HeuristicsNetToPetriNet.Convert(AndSplit());

        AssertNet(net,
            places: "source pre_b pre_c splace_in_d_b splace_in_d_c sink",
            visible: "a b c d",
            silent: "",
            arcs: "source>a a>pre_b a>pre_c pre_b>b pre_c>c b>splace_in_d_b c>splace_in_d_c "
                + "splace_in_d_b>d splace_in_d_c>d d>sink");
        WorkflowNetAssert.IsWorkflowNet(net);
        Assert.Equal(["pre_b", "pre_c"], net.Postset("a"));
        Assert.True(TokenGame.CanReplay(net, "a b c d"));
        Assert.True(TokenGame.CanReplay(net, "a c b d"));
        Assert.False(TokenGame.CanReplay(net, "a b d"));
        Assert.False(TokenGame.CanReplay(net, "a c d"));
    }

    [Fact]
    public void And_and_xor_bindings_of_the_same_arcs_give_different_nets()
    {
        var and = HeuristicsNetToPetriNet.Convert(AndSplit());
        var xor = HeuristicsNetToPetriNet.Convert(XorSplit());

        Assert.NotEqual(Describe(and), Describe(xor));
        Assert.Single(xor.Postset("a"));
        Assert.Equal(2, and.Postset("a").Count);
    }

    [Fact]
    public void Self_loop_keeps_a_silent_redo_transition()
    {
        var net = HeuristicsNetToPetriNet.Convert(SelfLoop());

        AssertNet(net,
            places: "source pre_b intplace_b sink",
            visible: "a b c",
            silent: "hid_3",
            arcs: "source>a a>pre_b pre_b>b b>intplace_b intplace_b>hid_3 hid_3>pre_b intplace_b>c c>sink");
        WorkflowNetAssert.IsWorkflowNet(net);
        Assert.True(TokenGame.CanReplay(net, "a b c"));
        Assert.True(TokenGame.CanReplay(net, "a b b b c"));
        Assert.False(TokenGame.CanReplay(net, "a c"));
        Assert.False(TokenGame.CanReplay(net, "a b c c"));
    }

    [Fact]
    public void Length_two_loop_goes_back_through_a_silent_transition()
    {
        var net = HeuristicsNetToPetriNet.Convert(LengthTwoLoop());

        AssertNet(net,
            places: "source pre_b pre_c intplace_c sink",
            visible: "a b c d",
            silent: "hid_3",
            arcs: "source>a a>pre_b pre_b>b b>pre_c pre_c>c c>intplace_c intplace_c>hid_3 hid_3>pre_b "
                + "intplace_c>d d>sink");
        WorkflowNetAssert.IsWorkflowNet(net);
        Assert.True(TokenGame.CanReplay(net, "a b c d"));
        Assert.True(TokenGame.CanReplay(net, "a b c b c b c d"));
        Assert.False(TokenGame.CanReplay(net, "a b d"));
        Assert.False(TokenGame.CanReplay(net, "a b c b d"));
    }

    [Fact]
    public void Several_start_activities_share_the_source_place()
    {
        var net = HeuristicsNetToPetriNet.Convert(TwoStarts());

        AssertNet(net,
            places: "source pre_c sink",
            visible: "a b c",
            silent: "",
            arcs: "source>a source>b a>pre_c b>pre_c pre_c>c c>sink");
        WorkflowNetAssert.IsWorkflowNet(net);
        Assert.True(TokenGame.CanReplay(net, "a c"));
        Assert.True(TokenGame.CanReplay(net, "b c"));
        Assert.False(TokenGame.CanReplay(net, "a b c"));
    }

    [Fact]
    public void Start_activity_with_inputs_and_end_activity_with_outputs_use_hidden_transitions()
    {
        var net = HeuristicsNetToPetriNet.Convert(StartInLoopTwoEnds());

        AssertNet(net,
            places: "source pre_a intplace_a intplace_b sink",
            visible: "a b c",
            silent: "hid_2 hid_5 hid_6",
            arcs: "source>hid_2 hid_2>pre_a pre_a>a a>intplace_a intplace_a>b intplace_a>c b>intplace_b "
                + "intplace_b>hid_5 hid_5>pre_a intplace_b>hid_6 hid_6>sink c>sink");
        WorkflowNetAssert.IsWorkflowNet(net);
        Assert.True(TokenGame.CanReplay(net, "a b"));
        Assert.True(TokenGame.CanReplay(net, "a c"));
        Assert.True(TokenGame.CanReplay(net, "a b a c"));
        Assert.True(TokenGame.CanReplay(net, "a b a b"));
        Assert.False(TokenGame.CanReplay(net, "b"));
        Assert.False(TokenGame.CanReplay(net, "a b c"));
    }

    [Fact]
    public void And_join_with_an_extra_xor_input_keeps_both_alternatives()
    {
        // d is entered either by b and c together or by e alone; a chooses between (b and c) and e.
        var hn = Net(
            [
                Node("a", 10, outputs: [["b", "c"], ["e"]]),
                Node("b", 6, [["a"]], [["d"]]),
                Node("c", 6, [["a"]], [["d"]]),
                Node("e", 4, [["a"]], [["d"]]),
                Node("d", 10, [["b", "c"], ["e"]]),
            ],
            [Arc("a", "b"), Arc("a", "c"), Arc("a", "e"), Arc("b", "d"), Arc("c", "d"), Arc("e", "d")],
            ["a"], ["d"]);

        var net = HeuristicsNetToPetriNet.Convert(hn);

        // entering d: hid_1 = {b,c}, hid_2 = {e}; exiting a: hid_3 = {b,c}, hid_4 = {e}.
        // hid_2 folds into e (single entry) and hid_4 into e (single exit); hid_1 stays because pre_d now has two
        // producers (hid_1 and e), and hid_3 stays because it marks two places.
        AssertNet(net,
            places: "source intplace_a pre_b pre_c splace_in_d_b splace_in_d_c pre_d sink",
            visible: "a b c d e",
            silent: "hid_1 hid_3",
            arcs: "source>a a>intplace_a intplace_a>hid_3 hid_3>pre_b hid_3>pre_c intplace_a>e pre_b>b pre_c>c "
                + "b>splace_in_d_b c>splace_in_d_c splace_in_d_b>hid_1 splace_in_d_c>hid_1 hid_1>pre_d "
                + "e>pre_d pre_d>d d>sink");
        WorkflowNetAssert.IsWorkflowNet(net);
        Assert.True(TokenGame.CanReplay(net, "a b c d"));
        Assert.True(TokenGame.CanReplay(net, "a c b d"));
        Assert.True(TokenGame.CanReplay(net, "a e d"));
        Assert.False(TokenGame.CanReplay(net, "a b d"));
        Assert.False(TokenGame.CanReplay(net, "a b e d"));
    }

    [Fact]
    public void Activities_without_inputs_or_outputs_are_tied_to_source_and_sink()
    {
        // b has no input arc and is not declared a start activity; a has no output arc and is not an end activity.
        var hn = Net([Node("a", 1), Node("b", 1, outputs: [["c"]]), Node("c", 1, [["b"]])], [Arc("b", "c")], [], ["c"]);

        var net = HeuristicsNetToPetriNet.Convert(hn);

        WorkflowNetAssert.IsWorkflowNet(net);
        Assert.True(TokenGame.CanReplay(net, "a"));
        Assert.True(TokenGame.CanReplay(net, "b c"));
    }

    [Fact]
    public void Empty_net_accepts_only_the_empty_trace()
    {
        var net = HeuristicsNetToPetriNet.Convert(Net([], [], [], []));

        AssertNet(net, places: "source sink", visible: "", silent: "skip", arcs: "source>skip skip>sink");
        WorkflowNetAssert.IsWorkflowNet(net);
        Assert.True(TokenGame.CanReplay(net, ""));
    }

    [Fact]
    public void Activity_names_that_clash_with_generated_ids_keep_their_name()
    {
        var hn = Net(
            [Node("source", 1, outputs: [["pre_sink"]]), Node("pre_sink", 1, [["source"]], [["sink"]]), Node("sink", 1, [["pre_sink"]])],
            [Arc("source", "pre_sink"), Arc("pre_sink", "sink")],
            ["source"], ["sink"]);

        var net = HeuristicsNetToPetriNet.Convert(hn);

        AssertNet(net,
            places: "source~2 pre_pre_sink pre_sink~2 sink~2",
            visible: "pre_sink sink source",
            silent: "",
            arcs: "source~2>source source>pre_pre_sink pre_pre_sink>pre_sink pre_sink>pre_sink~2 pre_sink~2>sink sink>sink~2");
        WorkflowNetAssert.IsWorkflowNet(net);
        Assert.True(TokenGame.CanReplay(net, "source pre_sink sink"));
    }

    [Fact]
    public void Input_order_does_not_change_the_net()
    {
        var hn = NetFixtures.AndSplit();
        var shuffled = hn with
        {
            Nodes = [.. hn.Nodes.Reverse()],
            Arcs = [.. hn.Arcs.Reverse()],
        };

        Assert.Equal(Describe(HeuristicsNetToPetriNet.Convert(hn)), Describe(HeuristicsNetToPetriNet.Convert(shuffled)));
    }

    [Fact]
    public void Unknown_activities_are_rejected()
    {
        var sequence = Sequence();
        Assert.Throws<ArgumentException>(() => HeuristicsNetToPetriNet.Convert(sequence with { Arcs = [Arc("a", "x")] }));
        Assert.Throws<ArgumentException>(() => HeuristicsNetToPetriNet.Convert(sequence with { StartActivities = ["x"] }));
        var badBinding = sequence with { Nodes = [Node("a", 1, outputs: [["c"]]), Node("b", 1), Node("c", 1)] };
        Assert.Throws<ArgumentException>(() => HeuristicsNetToPetriNet.Convert(badBinding));
    }

    internal static void AssertNet(PetriNet net, string places, string visible, string silent, string arcs)
    {
        static string[] Words(string s) => s.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var expected = Words(places).Select(p => "place " + p)
            .Concat(Words(visible).Select(t => $"transition {t} = {t}"))
            .Concat(Words(silent).Select(t => $"transition {t} = tau"))
            .Concat(Words(arcs).Select(a => "arc " + a.Replace(">", " -> ", StringComparison.Ordinal)))
            .Append("initial " + Words(places)[0] + "=1")
            .Append("final " + Words(places)[^1] + "=1")
            .Order(StringComparer.Ordinal);
        Assert.Equal(expected, Describe(net));
    }

    internal static IReadOnlyList<string> Describe(PetriNet net) =>
        net.Places.Select(p => "place " + p.Id)
            .Concat(net.Transitions.Select(t => $"transition {t.Id} = {t.Label ?? "tau"}"))
            .Concat(net.Arcs.Select(a => $"arc {a.SourceId} -> {a.TargetId}"))
            .Concat(net.InitialMarking.Select(m => $"initial {m.Key}={m.Value}"))
            .Concat(net.FinalMarking.Select(m => $"final {m.Key}={m.Value}"))
            .Order(StringComparer.Ordinal)
            .ToList();
}
