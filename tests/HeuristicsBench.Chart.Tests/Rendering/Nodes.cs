namespace HeuristicsBench.Chart.Tests.Rendering;

/// <summary>Where a node comes from, for error messages.</summary>
public readonly record struct Position(string File, int Line);

public abstract record Node(Position At);

public sealed record TextNode(Position At, string Text) : Node(At);

/// <summary><c>{{ pipeline }}</c>: the pipeline's value, printed.</summary>
public sealed record ActionNode(Position At, Pipeline Pipeline) : Node(At);

/// <summary><c>if</c> / <c>else if</c> ... / <c>else</c> / <c>end</c>.</summary>
public sealed record IfNode(Position At, IReadOnlyList<(Pipeline Condition, IReadOnlyList<Node> Body)> Branches, IReadOnlyList<Node> Else) : Node(At);

/// <summary><c>range</c> over a list, dot bound to each element; <c>else</c> when the list is empty or missing.</summary>
public sealed record RangeNode(Position At, Pipeline Pipeline, IReadOnlyList<Node> Body, IReadOnlyList<Node> Else) : Node(At);

/// <summary>Commands joined by <c>|</c>: each result becomes the last argument of the next command.</summary>
public sealed record Pipeline(Position At, IReadOnlyList<Command> Commands);

/// <summary>A function call (<see cref="Function"/> set) or a single operand.</summary>
public sealed record Command(string? Function, IReadOnlyList<Operand> Arguments);

public abstract record Operand;

/// <summary><c>.a.b</c> (from dot) or <c>$.a.b</c> (from the root); an empty path is dot or $ itself.</summary>
public sealed record FieldOperand(bool FromRoot, IReadOnlyList<string> Path) : Operand;

public sealed record LiteralOperand(object? Value) : Operand;

public sealed record NestedOperand(Pipeline Pipeline) : Operand;
