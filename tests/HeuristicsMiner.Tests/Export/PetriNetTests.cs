using HeuristicsMiner.Algorithm.PetriNets;

namespace HeuristicsMiner.Tests.Export;

public class PetriNetTests
{
    private static readonly Dictionary<string, int> NoMarking = [];

    [Fact]
    public void Nodes_arcs_and_markings_are_sorted_ordinally_and_arcs_deduplicated()
    {
        var net = new PetriNet(
            [new Place("b"), new Place("B"), new Place("a")],
            [new Transition("t2", null), new Transition("T1", "x")],
            [new Arc("b", "t2"), new Arc("a", "t2"), new Arc("t2", "B"), new Arc("a", "t2")],
            new Dictionary<string, int> { ["b"] = 1, ["a"] = 2, ["B"] = 0 },
            new Dictionary<string, int> { ["B"] = 1 });

        Assert.Equal(["B", "a", "b"], net.Places.Select(p => p.Id));
        Assert.Equal(["T1", "t2"], net.Transitions.Select(t => t.Id));
        Assert.Equal([new Arc("a", "t2"), new Arc("b", "t2"), new Arc("t2", "B")], net.Arcs);
        Assert.Equal(["a", "b"], net.InitialMarking.Keys);
        Assert.Equal(["a", "b"], net.Preset("t2"));
        Assert.Equal(["B"], net.Postset("t2"));
        Assert.Empty(net.Preset("unknown"));
        Assert.True(net.FindTransition("t2")!.IsSilent);
        Assert.Null(net.FindPlace("t2"));
    }

    [Fact]
    public void Invalid_nets_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => new PetriNet([new Place("p"), new Place("p")], [], [], NoMarking, NoMarking));
        Assert.Throws<ArgumentException>(() => new PetriNet([new Place("x")], [new Transition("x", "x")], [], NoMarking, NoMarking));
        Assert.Throws<ArgumentException>(() => new PetriNet([new Place("")], [], [], NoMarking, NoMarking));
        Assert.Throws<ArgumentException>(() =>
            new PetriNet([new Place("p"), new Place("q")], [], [new Arc("p", "q")], NoMarking, NoMarking));
        Assert.Throws<ArgumentException>(() =>
            new PetriNet([new Place("p")], [new Transition("t", null)], [new Arc("p", "u")], NoMarking, NoMarking));
        Assert.Throws<ArgumentException>(() =>
            new PetriNet([new Place("p")], [], [], new Dictionary<string, int> { ["q"] = 1 }, NoMarking));
        Assert.Throws<ArgumentException>(() =>
            new PetriNet([new Place("p")], [], [], NoMarking, new Dictionary<string, int> { ["p"] = -1 }));
    }
}
