namespace HeuristicsBench.Workloads.ProcessTrees;

/// <summary>
/// Exact membership in the language of a process tree, by Antimirov partial derivatives of the tree seen as
/// a regular expression with shuffle: a leaf is a letter, tau is ε, sequence is concatenation, choice is
/// union, parallel is shuffle and *(do, redo) is do·(redo·do)*. Expressions are hash-consed and the
/// derivatives of each (expression, activity) pair memoized, so this lazily builds a finite automaton
/// whose states are expressions; a trace is accepted when, after reading it, some state accepts ε.
/// No bound on loops: a trace needs as many iterations as it has. Thread-safe (one lock).
/// </summary>
internal sealed class TreeLanguage
{
    private const int Epsilon = 0;

    private readonly List<Expression> _expressions = [];
    private readonly Dictionary<Expression, int> _interned = [];
    private readonly Dictionary<(int Expression, int Letter), int[]> _derivatives = [];
    private readonly Dictionary<string, int> _letters;
    private readonly int _root;
    private readonly Lock _lock = new();

    public TreeLanguage(ProcessTreeNode root, Dictionary<string, int> letters)
    {
        _letters = letters;
        Intern(new Expression(Kind.Epsilon, 0, 0, true));
        _root = Build(root);
    }

    private enum Kind
    {
        Epsilon,
        Letter,
        Sequence,
        Choice,
        Shuffle,
        Star,
    }

    /// <summary>Whether <paramref name="trace"/> is a complete trace of the tree.</summary>
    public bool Accepts(IReadOnlyList<string> trace)
    {
        var letters = new int[trace.Count];
        for (var i = 0; i < trace.Count; i++)
        {
            if (trace[i] is null || !_letters.TryGetValue(trace[i], out letters[i]))
                return false;
        }

        lock (_lock)
        {
            var current = new HashSet<int> { _root };
            var next = new HashSet<int>();
            foreach (var letter in letters)
            {
                next.Clear();
                foreach (var state in current)
                    next.UnionWith(Derive(state, letter));
                if (next.Count == 0)
                    return false;
                (current, next) = (next, current);
            }
            return current.Any(s => _expressions[s].Nullable);
        }
    }

    private int Build(ProcessTreeNode node)
    {
        switch (node)
        {
            case ActivityLeaf leaf:
                return Intern(new Expression(Kind.Letter, _letters[leaf.Label], 0, false));
            case SilentLeaf:
                return Epsilon;
            case LoopNode loop:
                var body = Build(loop.Do);
                return Sequence(body, Star(Sequence(Build(loop.Redo), body)));
            default:
                Func<int, int, int> combine = node switch
                {
                    SequenceNode => Sequence,
                    ChoiceNode => Choice,
                    ParallelNode => Shuffle,
                    _ => throw new NotSupportedException($"unknown process tree node {node.GetType().Name}"),
                };
                var children = node.Children;
                var result = Build(children[^1]);
                for (var i = children.Count - 2; i >= 0; i--)
                    result = combine(Build(children[i]), result);
                return result;
        }
    }

    /// <summary>The partial derivatives of expression <paramref name="id"/> by <paramref name="letter"/>.</summary>
    private int[] Derive(int id, int letter)
    {
        if (_derivatives.TryGetValue((id, letter), out var known))
            return known;
        var e = _expressions[id];
        var result = new HashSet<int>();
        switch (e.Kind)
        {
            case Kind.Epsilon:
                break;
            case Kind.Letter:
                if (e.Left == letter)
                    result.Add(Epsilon);
                break;
            case Kind.Choice:
                result.UnionWith(Derive(e.Left, letter));
                result.UnionWith(Derive(e.Right, letter));
                break;
            case Kind.Sequence:
                foreach (var d in Derive(e.Left, letter))
                    result.Add(Sequence(d, e.Right));
                if (_expressions[e.Left].Nullable)
                    result.UnionWith(Derive(e.Right, letter));
                break;
            case Kind.Shuffle:
                foreach (var d in Derive(e.Left, letter))
                    result.Add(Shuffle(d, e.Right));
                foreach (var d in Derive(e.Right, letter))
                    result.Add(Shuffle(e.Left, d));
                break;
            case Kind.Star:
                foreach (var d in Derive(e.Left, letter))
                    result.Add(Sequence(d, id));
                break;
        }
        var array = result.ToArray();
        _derivatives[(id, letter)] = array;
        return array;
    }

    /// <summary>Concatenation, with ε as unit and kept right-nested so equal languages share states.</summary>
    private int Sequence(int left, int right)
    {
        if (left == Epsilon)
            return right;
        if (right == Epsilon)
            return left;
        var l = _expressions[left];
        if (l.Kind == Kind.Sequence)
            return Sequence(l.Left, Sequence(l.Right, right));
        return Intern(new Expression(Kind.Sequence, left, right, l.Nullable && _expressions[right].Nullable));
    }

    private int Choice(int left, int right) =>
        left == right ? left : Intern(new Expression(Kind.Choice, left, right, _expressions[left].Nullable || _expressions[right].Nullable));

    /// <summary>Shuffle, with ε as unit and operands ordered (shuffle is commutative).</summary>
    private int Shuffle(int left, int right)
    {
        if (left == Epsilon)
            return right;
        if (right == Epsilon)
            return left;
        if (left > right)
            (left, right) = (right, left);
        return Intern(new Expression(Kind.Shuffle, left, right, _expressions[left].Nullable && _expressions[right].Nullable));
    }

    private int Star(int body) => body == Epsilon ? Epsilon : Intern(new Expression(Kind.Star, body, 0, true));

    private int Intern(Expression expression)
    {
        if (_interned.TryGetValue(expression, out var id))
            return id;
        id = _expressions.Count;
        _expressions.Add(expression);
        _interned.Add(expression, id);
        return id;
    }

    /// <summary>One hash-consed expression: for a letter, Left is the activity id; for a star, Left is the body.</summary>
    private readonly record struct Expression(Kind Kind, int Left, int Right, bool Nullable);
}
