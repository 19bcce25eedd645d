namespace HeuristicsMiner.Algorithm.Model;

/// <summary>The heuristics-miner measures over directly-follows counts (BRIEF §3).</summary>
public static class DependencyMeasures
{
    /// <summary>a =&gt; b = (|a&gt;b| − |b&gt;a|) / (|a&gt;b| + |b&gt;a| + 1), for a ≠ b.</summary>
    public static double Dependency(long ab, long ba) => (double)(ab - ba) / (ab + ba + 1);

    /// <summary>a =&gt; a = |a&gt;a| / (|a&gt;a| + 1).</summary>
    public static double SelfLoop(long aa) => (double)aa / (aa + 1);

    /// <summary>a =&gt;2 b = (|a&gt;&gt;b| + |b&gt;&gt;a|) / (|a&gt;&gt;b| + |b&gt;&gt;a| + 1), where |a&gt;&gt;b| counts "a b a".</summary>
    public static double LoopTwo(long aba, long bab) => (double)(aba + bab) / (aba + bab + 1);

    /// <summary>
    /// a =&gt; (b AND c) = (|b&gt;c| + |c&gt;b|) / (|a&gt;b| + |a&gt;c| + 1) for a split (for a join, pass |b&gt;a| and |c&gt;a|).
    /// </summary>
    public static double And(long bc, long cb, long ab, long ac) => (double)(bc + cb) / (ab + ac + 1);
}
