namespace HeuristicsMiner.Algorithm.Model;

/// <summary>
/// One activity of the heuristics (causal) net with its bindings. Each binding is a set of activities
/// (sorted ordinally) that fire together (AND); different bindings of one side are alternatives (XOR).
/// Bindings are the maximal cliques of the AND relation among the activity's inputs (or outputs);
/// an activity with no inputs (outputs) has no input (output) bindings.
/// </summary>
public sealed record HeuristicsNode(
    string Name,
    long Frequency,
    IReadOnlyList<IReadOnlyList<string>> InputBindings,
    IReadOnlyList<IReadOnlyList<string>> OutputBindings);
