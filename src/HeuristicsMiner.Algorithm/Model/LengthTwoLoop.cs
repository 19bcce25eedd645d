namespace HeuristicsMiner.Algorithm.Model;

/// <summary>A kept length-two loop between A and B (A &lt; B ordinally): |A&gt;&gt;B| + |B&gt;&gt;A| and A =&gt;2 B.</summary>
public sealed record LengthTwoLoop(string A, string B, long Frequency, double Dependency);
