using CsCheck;
using HeuristicsMiner.Algorithm.Model;
using HeuristicsMiner.Algorithm.PetriNets;
using static HeuristicsMiner.Tests.Export.NetFixtures;

namespace HeuristicsMiner.Tests.Export;

public class HeuristicsNetToPetriNetPropertyTests
{
    private static readonly Gen<string[][]> Logs =
        Gen.Int[0, 4].Select(i => "abcde"[i].ToString()).Array[1, 6].Array[1, 5];

    [Fact]
    public void Directly_follows_net_with_xor_bindings_replays_every_trace_of_its_log()
    {
        Logs.Sample(log =>
        {
            var net = HeuristicsNetToPetriNet.Convert(DirectlyFollowsNet(log));

            WorkflowNetAssert.IsWorkflowNet(net);
            foreach (var trace in log)
                Assert.True(TokenGame.CanReplay(net, trace), string.Join(' ', trace));
        }, iter: 300);
    }

    [Fact]
    public void A_binding_inside_a_larger_one_is_dropped_like_a_redundant_invisible_transition()
    {
        var and = AndSplit();
        var withSubset = and with
        {
            Nodes = [.. and.Nodes.Select(n => n.Name == "a" ? Node("a", 10, outputs: [["b"], ["b", "c"]]) : n)],
        };

        Assert.Equal(
            HeuristicsNetToPetriNetTests.Describe(HeuristicsNetToPetriNet.Convert(and)),
            HeuristicsNetToPetriNetTests.Describe(HeuristicsNetToPetriNet.Convert(withSubset)));
    }

    /// <summary>Every directly-follows pair becomes an arc; no bindings, so every split and join is XOR.</summary>
    private static HeuristicsNet DirectlyFollowsNet(string[][] log)
    {
        var activities = log.SelectMany(t => t).Distinct().Order(StringComparer.Ordinal).ToList();
        var pairs = log.SelectMany(t => t.Zip(t.Skip(1))).Distinct().ToList();
        return Net(
            [.. activities.Select(a => Node(a, log.Sum(t => t.Count(e => e == a))))],
            [.. pairs.Select(p => Arc(p.First, p.Second))],
            [.. log.Select(t => t[0]).Distinct()],
            [.. log.Select(t => t[^1]).Distinct()]);
    }
}
