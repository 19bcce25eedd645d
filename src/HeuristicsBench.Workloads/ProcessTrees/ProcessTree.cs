using System.Collections.ObjectModel;
using System.Text;
using HeuristicsBench.Workloads.Models;

namespace HeuristicsBench.Workloads.ProcessTrees;

/// <summary>
/// A process tree as read from a model file: the tree itself plus optional activity durations
/// (per label, and a default for the other labels; <see langword="null"/> default = the model's default,
/// <see cref="ProcessTreeModel.DefaultDuration"/>). <see cref="ToString"/> gives the file text: the
/// <c>@default-duration</c> and <c>@duration</c> directive lines (labels in ordinal order), then the tree.
/// </summary>
public sealed class ProcessTree : IEquatable<ProcessTree>
{
    public ProcessTree(
        ProcessTreeNode root,
        IReadOnlyDictionary<string, DurationDistribution>? durations = null,
        DurationDistribution? defaultDuration = null)
    {
        ArgumentNullException.ThrowIfNull(root);
        if (defaultDuration is not null && !DurationText.IsSupported(defaultDuration))
            throw new ArgumentException("only constant, uniform and Gaussian durations are supported", nameof(defaultDuration));
        Root = root;
        DefaultDuration = defaultDuration;
        var sorted = new SortedDictionary<string, DurationDistribution>(StringComparer.Ordinal);
        if (durations is not null)
        {
            var labels = ProcessTreeLabels.Collect(root);
            foreach (var (label, distribution) in durations)
            {
                if (distribution is null || !DurationText.IsSupported(distribution))
                    throw new ArgumentException($"duration of '{label}': only constant, uniform and Gaussian durations are supported", nameof(durations));
                if (!labels.Contains(label))
                    throw new ArgumentException($"duration given for '{label}', which is not an activity of the tree", nameof(durations));
                sorted.Add(label, distribution);
            }
        }
        Durations = new ReadOnlyDictionary<string, DurationDistribution>(sorted);
    }

    public ProcessTreeNode Root { get; }

    /// <summary>Durations per activity label (ordinal order).</summary>
    public IReadOnlyDictionary<string, DurationDistribution> Durations { get; }

    /// <summary>The duration of activities without their own, or <see langword="null"/> for the model default.</summary>
    public DurationDistribution? DefaultDuration { get; }

    public bool Equals(ProcessTree? other)
    {
        if (other is null)
            return false;
        if (ReferenceEquals(this, other))
            return true;
        if (!Root.Equals(other.Root) || !Equals(DefaultDuration, other.DefaultDuration) || Durations.Count != other.Durations.Count)
            return false;
        foreach (var (label, distribution) in Durations)
        {
            if (!other.Durations.TryGetValue(label, out var d) || !distribution.Equals(d))
                return false;
        }
        return true;
    }

    public override bool Equals(object? obj) => Equals(obj as ProcessTree);

    public override int GetHashCode() => HashCode.Combine(Root, Durations.Count);

    /// <summary>The text of a model file that <see cref="ProcessTreeParser"/> reads back to an equal tree.</summary>
    public override string ToString()
    {
        var builder = new StringBuilder();
        if (DefaultDuration is not null)
            builder.Append("@default-duration ").Append(DurationText.Format(DefaultDuration)).Append('\n');
        foreach (var (label, distribution) in Durations)
            builder.Append("@duration '").Append(label).Append("' ").Append(DurationText.Format(distribution)).Append('\n');
        Root.AppendTo(builder);
        return builder.ToString();
    }
}
