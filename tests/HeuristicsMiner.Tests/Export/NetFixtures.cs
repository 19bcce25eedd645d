using HeuristicsMiner.Algorithm.Model;

namespace HeuristicsMiner.Tests.Export;

/// <summary>Hand-built heuristics nets used by the export tests.</summary>
internal static class NetFixtures
{
    public static HeuristicsNode Node(string name, long frequency, string[][]? inputs = null, string[][]? outputs = null) =>
        new(name, frequency, Bindings(inputs), Bindings(outputs));

    public static DependencyArc Arc(string from, string to, long frequency = 10, double dependency = 0.9) =>
        new(from, to, frequency, dependency);

    public static HeuristicsNet Net(
        HeuristicsNode[] nodes, DependencyArc[] arcs, string[] starts, string[] ends, LengthTwoLoop[]? loops = null) =>
        new(nodes, arcs, loops ?? [], starts, ends);

    /// <summary>a -&gt; b -&gt; c.</summary>
    public static HeuristicsNet Sequence() => Net(
        [Node("a", 10, outputs: [["b"]]), Node("b", 10, [["a"]], [["c"]]), Node("c", 10, [["b"]])],
        [Arc("a", "b"), Arc("b", "c")],
        ["a"], ["c"]);

    /// <summary>a then b or c (XOR), then d.</summary>
    public static HeuristicsNet XorSplit() => Net(
        [
            Node("a", 10, outputs: [["b"], ["c"]]),
            Node("b", 5, [["a"]], [["d"]]),
            Node("c", 5, [["a"]], [["d"]]),
            Node("d", 10, [["b"], ["c"]]),
        ],
        [Arc("a", "b", 5), Arc("a", "c", 5), Arc("b", "d", 5), Arc("c", "d", 5)],
        ["a"], ["d"]);

    /// <summary>a then b and c in parallel (AND), then d.</summary>
    public static HeuristicsNet AndSplit() => Net(
        [
            Node("a", 10, outputs: [["b", "c"]]),
            Node("b", 10, [["a"]], [["d"]]),
            Node("c", 10, [["a"]], [["d"]]),
            Node("d", 10, [["b", "c"]]),
        ],
        [Arc("a", "b", 10), Arc("a", "c", 10), Arc("b", "d", 10), Arc("c", "d", 10)],
        ["a"], ["d"]);

    /// <summary>a, then b repeated (self loop), then c.</summary>
    public static HeuristicsNet SelfLoop() => Net(
        [Node("a", 10, outputs: [["b"]]), Node("b", 25, [["a"], ["b"]], [["b"], ["c"]]), Node("c", 10, [["b"]])],
        [Arc("a", "b"), Arc("b", "b", 15, 0.94), Arc("b", "c")],
        ["a"], ["c"]);

    /// <summary>a, then b c repeated (length-two loop), then d.</summary>
    public static HeuristicsNet LengthTwoLoop() => Net(
        [
            Node("a", 10, outputs: [["b"]]),
            Node("b", 15, [["a"], ["c"]], [["c"]]),
            Node("c", 15, [["b"]], [["b"], ["d"]]),
            Node("d", 10, [["c"]]),
        ],
        [Arc("a", "b"), Arc("b", "c", 15), Arc("c", "b", 5), Arc("c", "d")],
        ["a"], ["d"],
        [new LengthTwoLoop("b", "c", 10, 0.9)]);

    /// <summary>a or b starts, c ends.</summary>
    public static HeuristicsNet TwoStarts() => Net(
        [Node("a", 5, outputs: [["c"]]), Node("b", 5, outputs: [["c"]]), Node("c", 10, [["a"], ["b"]])],
        [Arc("a", "c", 5), Arc("b", "c", 5)],
        ["a", "b"], ["c"]);

    /// <summary>a starts and may be repeated through b; b and c are end activities.</summary>
    public static HeuristicsNet StartInLoopTwoEnds() => Net(
        [Node("a", 10, [["b"]], [["b"], ["c"]]), Node("b", 6, [["a"]], [["a"]]), Node("c", 4, [["a"]])],
        [Arc("a", "b", 6), Arc("a", "c", 4), Arc("b", "a", 3)],
        ["a"], ["b", "c"]);

    private static IReadOnlyList<IReadOnlyList<string>> Bindings(string[][]? bindings) =>
        bindings is null ? [] : [.. bindings.Select(b => (IReadOnlyList<string>)b)];
}
