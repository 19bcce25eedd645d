using HeuristicsMiner.Algorithm.PetriNets;

namespace HeuristicsMiner.Tests.Export;

/// <summary>Checks the structural workflow-net conditions.</summary>
internal static class WorkflowNetAssert
{
    /// <summary>
    /// One place without input arcs (the source, holding the single initial token), one place without output arcs
    /// (the sink, holding the single final token), and every place and transition on a path from source to sink.
    /// </summary>
    public static void IsWorkflowNet(PetriNet net)
    {
        var sources = net.Places.Where(p => net.Preset(p.Id).Count == 0).Select(p => p.Id).ToList();
        var sinks = net.Places.Where(p => net.Postset(p.Id).Count == 0).Select(p => p.Id).ToList();
        string source = Assert.Single(sources);
        string sink = Assert.Single(sinks);
        Assert.Equal([new KeyValuePair<string, int>(source, 1)], net.InitialMarking);
        Assert.Equal([new KeyValuePair<string, int>(sink, 1)], net.FinalMarking);

        var forward = Reach(source, net.Postset);
        var backward = Reach(sink, net.Preset);
        foreach (var id in net.Places.Select(p => p.Id).Concat(net.Transitions.Select(t => t.Id)))
        {
            Assert.True(forward.Contains(id), $"'{id}' cannot be reached from the source");
            Assert.True(backward.Contains(id), $"the sink cannot be reached from '{id}'");
        }
    }

    private static HashSet<string> Reach(string from, Func<string, IReadOnlyList<string>> step)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { from };
        var stack = new Stack<string>([from]);
        while (stack.Count > 0)
        {
            foreach (var next in step(stack.Pop()))
            {
                if (seen.Add(next))
                    stack.Push(next);
            }
        }
        return seen;
    }
}
