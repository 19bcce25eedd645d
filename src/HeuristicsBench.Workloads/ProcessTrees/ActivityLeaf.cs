using System.Text;

namespace HeuristicsBench.Workloads.ProcessTrees;

/// <summary>A visible activity. The label is non-empty and contains neither a single quote nor a line break
/// (the notation quotes labels with <c>'</c> and has no escapes, as in pm4py).</summary>
public sealed class ActivityLeaf : ProcessTreeNode
{
    public ActivityLeaf(string label)
    {
        ArgumentNullException.ThrowIfNull(label);
        if (!IsValidLabel(label))
            throw new ArgumentException($"invalid activity label \"{label}\": must be non-empty, without ' or line breaks", nameof(label));
        Label = label;
    }

    public string Label { get; }

    public override IReadOnlyList<ProcessTreeNode> Children => [];

    /// <summary>Whether <paramref name="label"/> can be an activity label.</summary>
    public static bool IsValidLabel(string label) =>
        !string.IsNullOrEmpty(label) && label.IndexOfAny(['\'', '\r', '\n']) < 0;

    internal override void AppendTo(StringBuilder builder) => builder.Append('\'').Append(Label).Append('\'');

    private protected override bool EqualsCore(ProcessTreeNode other) =>
        string.Equals(Label, ((ActivityLeaf)other).Label, StringComparison.Ordinal);

    private protected override int HashCore() => HashCode.Combine(1, StringComparer.Ordinal.GetHashCode(Label));
}
