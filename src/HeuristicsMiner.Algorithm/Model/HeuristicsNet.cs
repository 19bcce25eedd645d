namespace HeuristicsMiner.Algorithm.Model;

/// <summary>
/// The mined heuristics net: dependency arcs (self loops included), length-two loops, start and end
/// activities, and per-activity AND/XOR bindings. All lists are sorted ordinally (by name, then from/to).
/// Arcs added because of a length-two loop appear in <see cref="Arcs"/> too.
/// </summary>
public sealed record HeuristicsNet(
    IReadOnlyList<HeuristicsNode> Nodes,
    IReadOnlyList<DependencyArc> Arcs,
    IReadOnlyList<LengthTwoLoop> LengthTwoLoops,
    IReadOnlyList<string> StartActivities,
    IReadOnlyList<string> EndActivities);
