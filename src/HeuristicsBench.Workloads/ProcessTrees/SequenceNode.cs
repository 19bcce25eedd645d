using System.Text;

namespace HeuristicsBench.Workloads.ProcessTrees;

/// <summary>Sequence <c>-&gt;( c1, …, cn )</c>: the children one after the other.</summary>
public sealed class SequenceNode : ProcessTreeNode
{
    private readonly ProcessTreeNode[] _children;

    public SequenceNode(params IEnumerable<ProcessTreeNode> children) => _children = CheckChildren(children, nameof(children));

    public override IReadOnlyList<ProcessTreeNode> Children => _children;

    internal override void AppendTo(StringBuilder builder) => AppendOperator(builder, "->", null, _children);

    private protected override bool EqualsCore(ProcessTreeNode other) => SameChildren(_children, other.Children);

    private protected override int HashCore() => HashChildren(3, _children);
}
