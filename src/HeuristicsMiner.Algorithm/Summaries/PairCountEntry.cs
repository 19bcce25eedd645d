namespace HeuristicsMiner.Algorithm.Summaries;

/// <summary>A lossy count of an ordered activity pair (D_R entry |From&gt;To|, or D_L2 entry |From&gt;&gt;To|).</summary>
public sealed record PairCountEntry(string From, string To, long Frequency, long Delta);
