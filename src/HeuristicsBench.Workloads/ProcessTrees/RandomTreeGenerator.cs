using HeuristicsBench.Workloads.Randomness;

namespace HeuristicsBench.Workloads.ProcessTrees;

/// <summary>
/// Random process trees in the manner of PTandLogGenerator: draw the number n of visible activities
/// (triangular min/mode/max), start from the single activity a, and until n activities exist, pick a visible
/// leaf x uniformly and an operator by the operator probabilities, and replace x by that operator over x and a
/// new activity y: -&gt;( x, y ), X( x, y ), +( x, y ) or *( x, y ). For a choice or a loop, with the silent
/// probability the new child is tau instead of y (X( x, tau ) with tau on a random side, or *( x, tau ));
/// at most n such silent steps are made per tree. When x already sits in a sequence, choice or parallel of the
/// chosen operator, y joins that node right after x instead of nesting (-&gt;( x, y, z ) rather than
/// -&gt;( -&gt;( x, y ), z )), unless it is a tau and that choice already has one. Activities are named
/// a, b, …, z, aa, ab, … in order of creation. Every draw comes from the given
/// <see cref="DeterministicRandom"/>, so a seed fixes the tree. Trees have no weights, redo probabilities or
/// duplicate labels.
/// </summary>
public static class RandomTreeGenerator
{
    /// <summary>Generates a tree from a seed.</summary>
    public static ProcessTreeNode Generate(RandomTreeOptions options, ulong seed) =>
        Generate(options, new DeterministicRandom(seed));

    /// <summary>Generates a tree drawing from <paramref name="random"/>.</summary>
    public static ProcessTreeNode Generate(RandomTreeOptions options, DeterministicRandom random)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(random);
        options.Validate();
        var target = DrawActivityCount(options, random);
        var root = new Draft(DraftKind.Activity, ActivityName(0));
        var visible = new List<Draft> { root };
        var silentSteps = 0;
        ReadOnlySpan<double> operatorWeights = [options.Sequence, options.Choice, options.Parallel, options.Loop];
        ReadOnlySpan<DraftKind> operators = [DraftKind.Sequence, DraftKind.Choice, DraftKind.Parallel, DraftKind.Loop];

        while (visible.Count < target)
        {
            var index = random.NextInt(visible.Count);
            var leaf = visible[index];
            var op = operators[random.NextWeighted(operatorWeights)];
            var silentDraw = random.NextDouble() < options.Silent;
            var side = random.NextInt(2);
            var silent = op is DraftKind.Choice or DraftKind.Loop && silentDraw && silentSteps < target;
            if (silent)
                silentSteps++;
            var added = silent ? new Draft(DraftKind.Silent, null) : new Draft(DraftKind.Activity, ActivityName(visible.Count));

            var parent = leaf.Parent;
            if (op != DraftKind.Loop && parent?.Kind == op)
            {
                if (silent && parent.Children.Exists(c => c.Kind == DraftKind.Silent))
                    continue;
                parent.Insert(parent.Children.IndexOf(leaf) + 1, added);
            }
            else
            {
                // The leaf becomes the operator; its label moves to a new first child.
                var moved = new Draft(DraftKind.Activity, leaf.Label);
                leaf.Kind = op;
                leaf.Label = null;
                leaf.Insert(0, moved);
                leaf.Insert(op == DraftKind.Choice && silent && side == 0 ? 0 : 1, added);
                visible[index] = moved;
            }
            if (!silent)
                visible.Add(added);
        }
        return root.ToNode();
    }

    /// <summary>The name of the activity created <paramref name="index"/>-th: a…z, aa…az, ba…, zz, aaa, ….</summary>
    public static string ActivityName(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        Span<char> buffer = stackalloc char[8];
        var position = buffer.Length;
        var k = (long)index + 1;
        while (k > 0)
        {
            k--;
            buffer[--position] = (char)('a' + (k % 26));
            k /= 26;
        }
        return new string(buffer[position..]);
    }

    /// <summary>A triangular draw (inverse CDF) rounded to the nearest integer, kept within [min, max].</summary>
    private static int DrawActivityCount(RandomTreeOptions options, DeterministicRandom random)
    {
        double a = options.MinActivities, c = options.ModeActivities, b = options.MaxActivities;
        var u = random.NextDouble();
        if (b == a)
            return options.MinActivities;
        var x = u < (c - a) / (b - a)
            ? a + Math.Sqrt(u * (b - a) * (c - a))
            : b - Math.Sqrt((1 - u) * (b - a) * (b - c));
        return Math.Clamp((int)Math.Round(x, MidpointRounding.AwayFromZero), options.MinActivities, options.MaxActivities);
    }

    private enum DraftKind
    {
        Activity,
        Silent,
        Sequence,
        Choice,
        Parallel,
        Loop,
    }

    /// <summary>A mutable node while the tree grows.</summary>
    private sealed class Draft(DraftKind kind, string? label)
    {
        public DraftKind Kind { get; set; } = kind;

        public string? Label { get; set; } = label;

        public Draft? Parent { get; private set; }

        public List<Draft> Children { get; } = [];

        public void Insert(int index, Draft child)
        {
            child.Parent = this;
            Children.Insert(index, child);
        }

        public ProcessTreeNode ToNode() => Kind switch
        {
            DraftKind.Activity => new ActivityLeaf(Label!),
            DraftKind.Silent => SilentLeaf.Instance,
            DraftKind.Sequence => new SequenceNode(Children.Select(c => c.ToNode())),
            DraftKind.Choice => new ChoiceNode(Children.Select(c => c.ToNode())),
            DraftKind.Parallel => new ParallelNode(Children.Select(c => c.ToNode())),
            _ => new LoopNode(Children[0].ToNode(), Children[1].ToNode()),
        };
    }
}
