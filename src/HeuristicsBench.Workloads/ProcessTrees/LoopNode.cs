using System.Globalization;
using System.Text;

namespace HeuristicsBench.Workloads.ProcessTrees;

/// <summary>
/// Loop <c>*( do, redo )</c> (pm4py semantics): run <see cref="Do"/> once, then repeatedly either exit or run
/// <see cref="Redo"/> and <see cref="Do"/> again; the language is do (redo do)*. The optional redo probability
/// (strictly between 0 and 1; written <c>*[0.3]( … )</c>) is the chance, after each run of do, of running redo
/// again in the simulation; without it the model's default (<see cref="ProcessTreeModel.DefaultRedoProbability"/>)
/// applies. The simulation also caps the runs of do per loop entry (see <see cref="ProcessTreeModel"/>); the
/// language, <see cref="ProcessTreeModel.Accepts"/> and the ground truth have no cap.
/// </summary>
public sealed class LoopNode : ProcessTreeNode
{
    private readonly ProcessTreeNode[] _children;

    public LoopNode(ProcessTreeNode @do, ProcessTreeNode redo, double? redoProbability = null)
    {
        ArgumentNullException.ThrowIfNull(@do);
        ArgumentNullException.ThrowIfNull(redo);
        if (redoProbability is { } p && !IsValidRedoProbability(p))
            throw new ArgumentOutOfRangeException(nameof(redoProbability), p, "a redo probability lies strictly between 0 and 1");
        _children = [@do, redo];
        RedoProbability = redoProbability;
    }

    public ProcessTreeNode Do => _children[0];

    public ProcessTreeNode Redo => _children[1];

    /// <summary>The chance of another iteration after each run of do, or <see langword="null"/> for the model default.</summary>
    public double? RedoProbability { get; }

    public override IReadOnlyList<ProcessTreeNode> Children => _children;

    /// <summary>Whether <paramref name="probability"/> is acceptable as a redo probability (0 &lt; p &lt; 1).</summary>
    public static bool IsValidRedoProbability(double probability) => probability > 0 && probability < 1;

    internal override void AppendTo(StringBuilder builder) =>
        AppendOperator(builder, "*", RedoProbability?.ToString("R", CultureInfo.InvariantCulture), _children);

    private protected override bool EqualsCore(ProcessTreeNode other)
    {
        var o = (LoopNode)other;
        return RedoProbability.Equals(o.RedoProbability) && SameChildren(_children, o._children);
    }

    private protected override int HashCore() => HashChildren(13, _children);
}
