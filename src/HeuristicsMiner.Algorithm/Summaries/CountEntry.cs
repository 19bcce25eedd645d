namespace HeuristicsMiner.Algorithm.Summaries;

/// <summary>A named lossy count (D_A or D_S entry): frequency f and maximal undercount Δ.</summary>
public sealed record CountEntry(string Name, long Frequency, long Delta);
