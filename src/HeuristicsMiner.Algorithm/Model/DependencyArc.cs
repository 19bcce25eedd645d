namespace HeuristicsMiner.Algorithm.Model;

/// <summary>A kept arc of the dependency graph: |From &gt; To| and From =&gt; To.</summary>
public sealed record DependencyArc(string From, string To, long Frequency, double Dependency);
