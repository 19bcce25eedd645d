using HeuristicsBench.Workloads.Randomness;

namespace HeuristicsBench.Workloads.ProcessTrees;

/// <summary>
/// Plays a process tree, flattened into arrays, producing the activity ids of one case:
/// a choice picks a child by weight (equal weights when none are given); a parallel runs every child into
/// its own buffer and then interleaves the buffers uniformly at random (each of the possible interleavings
/// of the produced sequences equally likely); a loop runs do, then while fewer than the cap runs of do
/// happened, with the redo probability runs redo and do again; tau produces nothing.
/// Not thread-safe (reuses its buffers).
/// </summary>
internal sealed class TreeSimulator
{
    private readonly NodeKind[] _kinds;
    private readonly int[][] _children;
    private readonly int[] _activity;
    private readonly double[][] _weights;
    private readonly double[] _redo;
    private readonly int _maxLoopIterations;
    private readonly Stack<List<int>> _buffers = new();

    public TreeSimulator(ProcessTreeNode root, Dictionary<string, int> ids, double defaultRedoProbability, int maxLoopIterations)
    {
        var kinds = new List<NodeKind>();
        var children = new List<int[]>();
        var activity = new List<int>();
        var weights = new List<double[]>();
        var redo = new List<double>();
        Flatten(root);
        _kinds = [.. kinds];
        _children = [.. children];
        _activity = [.. activity];
        _weights = [.. weights];
        _redo = [.. redo];
        _maxLoopIterations = maxLoopIterations;

        int Flatten(ProcessTreeNode node)
        {
            var index = kinds.Count;
            kinds.Add(node switch
            {
                ActivityLeaf => NodeKind.Activity,
                SilentLeaf => NodeKind.Silent,
                SequenceNode => NodeKind.Sequence,
                ChoiceNode => NodeKind.Choice,
                ParallelNode => NodeKind.Parallel,
                LoopNode => NodeKind.Loop,
                _ => throw new NotSupportedException($"unknown process tree node {node.GetType().Name}"),
            });
            children.Add([]);
            activity.Add(node is ActivityLeaf leaf ? ids[leaf.Label] : -1);
            weights.Add(node is ChoiceNode choice ? choice.Weights?.ToArray() ?? [.. Enumerable.Repeat(1.0, choice.Children.Count)] : []);
            redo.Add(node is LoopNode loop ? loop.RedoProbability ?? defaultRedoProbability : 0);
            children[index] = [.. node.Children.Select(Flatten)];
            return index;
        }
    }

    private enum NodeKind : byte
    {
        Activity,
        Silent,
        Sequence,
        Choice,
        Parallel,
        Loop,
    }

    /// <summary>Appends the activity ids of one simulated case to <paramref name="output"/>.</summary>
    public void Run(DeterministicRandom random, List<int> output) => Run(0, random, output);

    private void Run(int node, DeterministicRandom random, List<int> output)
    {
        switch (_kinds[node])
        {
            case NodeKind.Activity:
                output.Add(_activity[node]);
                break;
            case NodeKind.Silent:
                break;
            case NodeKind.Sequence:
                foreach (var child in _children[node])
                    Run(child, random, output);
                break;
            case NodeKind.Choice:
                Run(_children[node][random.NextWeighted(_weights[node])], random, output);
                break;
            case NodeKind.Loop:
                var body = _children[node][0];
                Run(body, random, output);
                for (var runs = 1; runs < _maxLoopIterations && random.NextDouble() < _redo[node]; runs++)
                {
                    Run(_children[node][1], random, output);
                    Run(body, random, output);
                }
                break;
            case NodeKind.Parallel:
                RunParallel(_children[node], random, output);
                break;
        }
    }

    private void RunParallel(int[] children, DeterministicRandom random, List<int> output)
    {
        Span<int> taken = children.Length <= 32 ? stackalloc int[children.Length] : new int[children.Length];
        var buffers = new List<int>[children.Length];
        var remaining = 0;
        for (var i = 0; i < children.Length; i++)
        {
            var buffer = _buffers.Count > 0 ? _buffers.Pop() : [];
            Run(children[i], random, buffer);
            buffers[i] = buffer;
            remaining += buffer.Count;
        }
        // Drawing the next event from child i with probability (events left in i) / (events left) makes
        // every interleaving equally likely.
        for (; remaining > 0; remaining--)
        {
            var r = random.NextInt(remaining);
            var i = 0;
            while (r >= buffers[i].Count - taken[i])
            {
                r -= buffers[i].Count - taken[i];
                i++;
            }
            output.Add(buffers[i][taken[i]++]);
        }
        foreach (var buffer in buffers)
        {
            buffer.Clear();
            _buffers.Push(buffer);
        }
    }
}
