using System.Text;

namespace HeuristicsBench.Workloads.ProcessTrees;

/// <summary>Parallel <c>+( c1, …, cn )</c>: every child runs once, their events interleaved in any order.</summary>
public sealed class ParallelNode : ProcessTreeNode
{
    private readonly ProcessTreeNode[] _children;

    public ParallelNode(params IEnumerable<ProcessTreeNode> children) => _children = CheckChildren(children, nameof(children));

    public override IReadOnlyList<ProcessTreeNode> Children => _children;

    internal override void AppendTo(StringBuilder builder) => AppendOperator(builder, "+", null, _children);

    private protected override bool EqualsCore(ProcessTreeNode other) => SameChildren(_children, other.Children);

    private protected override int HashCore() => HashChildren(5, _children);
}
