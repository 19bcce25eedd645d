using System.Text;

namespace HeuristicsBench.Workloads.ProcessTrees;

/// <summary>The silent step tau: produces no event. Written <c>tau</c> (<c>τ</c> is read too).</summary>
public sealed class SilentLeaf : ProcessTreeNode
{
    /// <summary>A shared instance (all silent leaves are equal).</summary>
    public static SilentLeaf Instance { get; } = new();

    public override IReadOnlyList<ProcessTreeNode> Children => [];

    internal override void AppendTo(StringBuilder builder) => builder.Append("tau");

    private protected override bool EqualsCore(ProcessTreeNode other) => true;

    private protected override int HashCore() => 2;
}
