using System.Globalization;
using System.Text;

namespace HeuristicsBench.Workloads.ProcessTrees;

/// <summary>
/// Exclusive choice <c>X( c1, …, cn )</c>: exactly one child runs. Optional relative weights (positive and finite,
/// one per child; written <c>X[0.7,0.3]( … )</c>) make the simulation pick child i with probability
/// w_i / Σw; without weights the children are equally likely. Weights never change the language or the
/// ground truth.
/// </summary>
public sealed class ChoiceNode : ProcessTreeNode
{
    private readonly ProcessTreeNode[] _children;
    private readonly double[]? _weights;

    public ChoiceNode(params IEnumerable<ProcessTreeNode> children)
        : this(children, null)
    {
    }

    public ChoiceNode(IEnumerable<ProcessTreeNode> children, IEnumerable<double>? weights)
    {
        _children = CheckChildren(children, nameof(children));
        if (weights is null)
            return;
        var w = weights.ToArray();
        if (w.Length != _children.Length)
            throw new ArgumentException($"{w.Length} weights for {_children.Length} children", nameof(weights));
        if (!Array.TrueForAll(w, IsValidWeight))
            throw new ArgumentException("weights must be positive and finite", nameof(weights));
        _weights = w;
    }

    public override IReadOnlyList<ProcessTreeNode> Children => _children;

    /// <summary>The relative weights, one per child, or <see langword="null"/> when the children are equally likely.</summary>
    public IReadOnlyList<double>? Weights => _weights;

    /// <summary>Whether <paramref name="weight"/> is acceptable (positive and finite).</summary>
    public static bool IsValidWeight(double weight) => weight > 0 && double.IsFinite(weight);

    internal override void AppendTo(StringBuilder builder) =>
        AppendOperator(builder, "X", _weights is null ? null : string.Join(",", _weights.Select(w => w.ToString("R", CultureInfo.InvariantCulture))), _children);

    private protected override bool EqualsCore(ProcessTreeNode other)
    {
        var o = (ChoiceNode)other;
        if (_weights is null != o._weights is null)
            return false;
        return (_weights is null || _weights.AsSpan().SequenceEqual(o._weights)) && SameChildren(_children, o._children);
    }

    private protected override int HashCore() => HashChildren(_weights is null ? 7 : 11, _children);
}
