namespace HeuristicsBench.Workloads.ProcessTrees;

/// <summary>Collects the activity labels of a tree.</summary>
internal static class ProcessTreeLabels
{
    /// <summary>The distinct labels of the activity leaves under <paramref name="root"/>.</summary>
    public static HashSet<string> Collect(ProcessTreeNode root)
    {
        var labels = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<ProcessTreeNode>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (node is ActivityLeaf leaf)
                labels.Add(leaf.Label);
            foreach (var child in node.Children)
                stack.Push(child);
        }
        return labels;
    }

    /// <summary>The distinct labels in ordinal order.</summary>
    public static string[] Sorted(ProcessTreeNode root)
    {
        var labels = Collect(root).ToArray();
        Array.Sort(labels, StringComparer.Ordinal);
        return labels;
    }
}
