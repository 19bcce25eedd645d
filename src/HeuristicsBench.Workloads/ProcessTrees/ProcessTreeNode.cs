using System.Text;

namespace HeuristicsBench.Workloads.ProcessTrees;

/// <summary>
/// A node of a process tree (pm4py semantics): an activity leaf, a silent leaf (tau), or one of the operators
/// sequence <c>-&gt;</c>, exclusive choice <c>X</c>, parallel <c>+</c> and loop <c>*</c>. Trees are immutable
/// and compare structurally (operator, children in order, labels, and the optional choice weights and
/// redo probability). <see cref="ToString"/> gives the text notation read by <see cref="ProcessTreeParser"/>:
/// pm4py's notation, plus bracketed weights or redo probability only where they were given.
/// </summary>
public abstract class ProcessTreeNode : IEquatable<ProcessTreeNode>
{
    private protected ProcessTreeNode()
    {
    }

    /// <summary>The children in order (empty for leaves; do then redo for a loop).</summary>
    public abstract IReadOnlyList<ProcessTreeNode> Children { get; }

    /// <summary>Whether <paramref name="other"/> is the same tree.</summary>
    public bool Equals(ProcessTreeNode? other) =>
        other is not null && (ReferenceEquals(this, other) || (other.GetType() == GetType() && EqualsCore(other)));

    public override bool Equals(object? obj) => Equals(obj as ProcessTreeNode);

    public override int GetHashCode() => HashCore();

    /// <summary>The tree in the text notation, e.g. <c>-&gt;( 'a', X( 'b', tau ) )</c>.</summary>
    public override string ToString()
    {
        var builder = new StringBuilder();
        AppendTo(builder);
        return builder.ToString();
    }

    /// <summary>Appends the text notation of this subtree.</summary>
    internal abstract void AppendTo(StringBuilder builder);

    /// <summary>Structural equality with a node of the same type.</summary>
    private protected abstract bool EqualsCore(ProcessTreeNode other);

    private protected abstract int HashCore();

    /// <summary>Appends <c>op[annotation]( child, child )</c> in pm4py's spacing.</summary>
    private protected static void AppendOperator(StringBuilder builder, string symbol, string? annotation, IReadOnlyList<ProcessTreeNode> children)
    {
        builder.Append(symbol);
        if (annotation is not null)
            builder.Append('[').Append(annotation).Append(']');
        builder.Append("( ");
        for (var i = 0; i < children.Count; i++)
        {
            if (i > 0)
                builder.Append(", ");
            children[i].AppendTo(builder);
        }
        builder.Append(" )");
    }

    private protected static bool SameChildren(IReadOnlyList<ProcessTreeNode> a, IReadOnlyList<ProcessTreeNode> b)
    {
        if (a.Count != b.Count)
            return false;
        for (var i = 0; i < a.Count; i++)
        {
            if (!a[i].Equals(b[i]))
                return false;
        }
        return true;
    }

    private protected static int HashChildren(int seed, IReadOnlyList<ProcessTreeNode> children)
    {
        var hash = new HashCode();
        hash.Add(seed);
        foreach (var child in children)
            hash.Add(child.GetHashCode());
        return hash.ToHashCode();
    }

    /// <summary>Copies and checks the children of an operator node.</summary>
    private protected static ProcessTreeNode[] CheckChildren(IEnumerable<ProcessTreeNode> children, string paramName)
    {
        ArgumentNullException.ThrowIfNull(children, paramName);
        var array = children.ToArray();
        if (array.Length == 0)
            throw new ArgumentException("an operator needs at least one child", paramName);
        if (Array.Exists(array, c => c is null))
            throw new ArgumentException("children must not be null", paramName);
        return array;
    }
}
