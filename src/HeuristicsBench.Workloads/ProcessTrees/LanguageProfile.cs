namespace HeuristicsBench.Workloads.ProcessTrees;

/// <summary>
/// What the footprint needs to know about the language L of a subtree, computed bottom-up and exactly
/// (no sampling, no iteration bound). With "trace" meaning a word of L:
/// <list type="bullet">
/// <item><see cref="Nullable"/>: the empty trace is in L;</item>
/// <item><see cref="Alphabet"/>: activities occurring in some trace;</item>
/// <item><see cref="First"/> / <see cref="Last"/>: first / last activities of non-empty traces;</item>
/// <item><see cref="Singles"/>: activities x with the one-event trace "x" in L;</item>
/// <item><see cref="FirstPairs"/> / <see cref="LastPairs"/>: (x, y) such that some trace starts / ends with "x y";</item>
/// <item><see cref="Follows"/>: (x, y) such that "x y" occurs in some trace (directly follows, &gt;);</item>
/// <item><see cref="Returns"/>: (x, y) such that "x y x" occurs in some trace.</item>
/// </list>
/// The last four are what concatenation, Kleene star and shuffle need to stay exact: a factor "x y x"
/// spanning a boundary needs a two-event prefix or suffix, or a one-event middle part.
/// </summary>
internal sealed class LanguageProfile
{
    private LanguageProfile(int capacity, bool nullable)
    {
        Capacity = capacity;
        Nullable = nullable;
        Alphabet = new ActivitySet(capacity);
        First = new ActivitySet(capacity);
        Last = new ActivitySet(capacity);
        Singles = new ActivitySet(capacity);
        FirstPairs = new ActivityPairSet(capacity);
        LastPairs = new ActivityPairSet(capacity);
        Follows = new ActivityPairSet(capacity);
        Returns = new ActivityPairSet(capacity);
    }

    /// <summary>The number of activity ids (all sets range over 0…Capacity-1).</summary>
    public int Capacity { get; }

    public bool Nullable { get; }

    public ActivitySet Alphabet { get; }

    public ActivitySet First { get; }

    public ActivitySet Last { get; }

    public ActivitySet Singles { get; }

    public ActivityPairSet FirstPairs { get; }

    public ActivityPairSet LastPairs { get; }

    public ActivityPairSet Follows { get; }

    public ActivityPairSet Returns { get; }

    /// <summary>L = { ε }.</summary>
    public static LanguageProfile Silent(int capacity) => new(capacity, nullable: true);

    /// <summary>L = { "a" }.</summary>
    public static LanguageProfile Activity(int capacity, int activity)
    {
        var p = new LanguageProfile(capacity, nullable: false);
        p.Alphabet.Add(activity);
        p.First.Add(activity);
        p.Last.Add(activity);
        p.Singles.Add(activity);
        return p;
    }

    /// <summary>L(a) ∪ L(b).</summary>
    public static LanguageProfile Choice(LanguageProfile a, LanguageProfile b)
    {
        var p = new LanguageProfile(a.Capacity, a.Nullable || b.Nullable);
        foreach (var x in new[] { a, b })
        {
            p.Alphabet.UnionWith(x.Alphabet);
            p.First.UnionWith(x.First);
            p.Last.UnionWith(x.Last);
            p.Singles.UnionWith(x.Singles);
            p.FirstPairs.UnionWith(x.FirstPairs);
            p.LastPairs.UnionWith(x.LastPairs);
            p.Follows.UnionWith(x.Follows);
            p.Returns.UnionWith(x.Returns);
        }
        return p;
    }

    /// <summary>L(a) · L(b).</summary>
    public static LanguageProfile Sequence(LanguageProfile a, LanguageProfile b)
    {
        var p = new LanguageProfile(a.Capacity, a.Nullable && b.Nullable);
        p.Alphabet.UnionWith(a.Alphabet);
        p.Alphabet.UnionWith(b.Alphabet);

        p.First.UnionWith(a.First);
        if (a.Nullable)
            p.First.UnionWith(b.First);
        p.Last.UnionWith(b.Last);
        if (b.Nullable)
            p.Last.UnionWith(a.Last);

        if (b.Nullable)
            p.Singles.UnionWith(a.Singles);
        if (a.Nullable)
            p.Singles.UnionWith(b.Singles);

        p.FirstPairs.UnionWith(a.FirstPairs);
        p.FirstPairs.AddProduct(a.Singles, b.First);
        if (a.Nullable)
            p.FirstPairs.UnionWith(b.FirstPairs);
        p.LastPairs.UnionWith(b.LastPairs);
        p.LastPairs.AddProduct(a.Last, b.Singles);
        if (b.Nullable)
            p.LastPairs.UnionWith(a.LastPairs);

        p.Follows.UnionWith(a.Follows);
        p.Follows.UnionWith(b.Follows);
        p.Follows.AddProduct(a.Last, b.First);

        p.Returns.UnionWith(a.Returns);
        p.Returns.UnionWith(b.Returns);
        AddReturnsAcross(p.Returns, a.LastPairs, a.Last, b.FirstPairs, b.First);
        return p;
    }

    /// <summary>L(m)* (zero or more traces of m one after the other).</summary>
    public static LanguageProfile Star(LanguageProfile m)
    {
        var p = new LanguageProfile(m.Capacity, nullable: true);
        p.Alphabet.UnionWith(m.Alphabet);
        p.First.UnionWith(m.First);
        p.Last.UnionWith(m.Last);
        p.Singles.UnionWith(m.Singles);

        p.FirstPairs.UnionWith(m.FirstPairs);
        p.FirstPairs.AddProduct(m.Singles, m.First);
        p.LastPairs.UnionWith(m.LastPairs);
        p.LastPairs.AddProduct(m.Last, m.Singles);

        p.Follows.UnionWith(m.Follows);
        p.Follows.AddProduct(m.Last, m.First);

        p.Returns.UnionWith(m.Returns);
        // "x y | x" and "x | y x" across two consecutive non-empty iterations ...
        AddReturnsAcross(p.Returns, m.LastPairs, m.Last, m.FirstPairs, m.First);
        // ... and "x | y | x" across three, the middle one being the single event y.
        foreach (var x in m.Last.Members())
        {
            if (!m.First.Contains(x))
                continue;
            foreach (var y in m.Singles.Members())
                p.Returns.Add(x, y);
        }
        return p;
    }

    /// <summary>The shuffle (all interleavings) of L(a) and L(b).</summary>
    public static LanguageProfile Shuffle(LanguageProfile a, LanguageProfile b)
    {
        var p = new LanguageProfile(a.Capacity, a.Nullable && b.Nullable);
        p.Alphabet.UnionWith(a.Alphabet);
        p.Alphabet.UnionWith(b.Alphabet);
        p.First.UnionWith(a.First);
        p.First.UnionWith(b.First);
        p.Last.UnionWith(a.Last);
        p.Last.UnionWith(b.Last);
        if (b.Nullable)
            p.Singles.UnionWith(a.Singles);
        if (a.Nullable)
            p.Singles.UnionWith(b.Singles);

        p.FirstPairs.UnionWith(a.FirstPairs);
        p.FirstPairs.UnionWith(b.FirstPairs);
        p.FirstPairs.AddProduct(a.First, b.First);
        p.FirstPairs.AddProduct(b.First, a.First);
        p.LastPairs.UnionWith(a.LastPairs);
        p.LastPairs.UnionWith(b.LastPairs);
        p.LastPairs.AddProduct(a.Last, b.Last);
        p.LastPairs.AddProduct(b.Last, a.Last);

        p.Follows.UnionWith(a.Follows);
        p.Follows.UnionWith(b.Follows);
        p.Follows.AddProduct(a.Alphabet, b.Alphabet);
        p.Follows.AddProduct(b.Alphabet, a.Alphabet);

        p.Returns.UnionWith(a.Returns);
        p.Returns.UnionWith(b.Returns);
        AddReturnsInterleaved(p.Returns, a, b);
        AddReturnsInterleaved(p.Returns, b, a);
        return p;
    }

    /// <summary>"x y x" across the boundary of u·v: "x y" ends u and x starts v, or x ends u and "y x" starts v.</summary>
    private static void AddReturnsAcross(
        ActivityPairSet returns, ActivityPairSet leftLastPairs, ActivitySet leftLast, ActivityPairSet rightFirstPairs, ActivitySet rightFirst)
    {
        foreach (var (x, y) in leftLastPairs.Pairs())
        {
            if (rightFirst.Contains(x))
                returns.Add(x, y);
        }
        foreach (var (y, x) in rightFirstPairs.Pairs())
        {
            if (leftLast.Contains(x))
                returns.Add(x, y);
        }
    }

    /// <summary>
    /// "x y x" in a shuffle of u ∈ L(a) and v ∈ L(b) taking one or two of its events from v (the cases taking
    /// two from a and one from b; the mirror cases come from the call with a and b swapped):
    /// x y from u then x from v; x from u, y from v, x from u; y x from u after x from v.
    /// </summary>
    private static void AddReturnsInterleaved(ActivityPairSet returns, LanguageProfile a, LanguageProfile b)
    {
        foreach (var (first, second) in a.Follows.Pairs())
        {
            if (b.Alphabet.Contains(first))
                returns.Add(first, second);     // x y (u) · x (v)
            if (b.Alphabet.Contains(second))
                returns.Add(second, first);     // x (v) · y x (u)
            if (first == second)
            {
                foreach (var y in b.Alphabet.Members())
                    returns.Add(first, y);      // x (u) · y (v) · x (u)
            }
        }
    }
}
