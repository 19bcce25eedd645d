using HeuristicsBench.Analysis.Paper;

namespace HeuristicsBench.Analysis.Reports;

/// <summary>One lag log by name (a file name in the CLI) and what the paper's method made of it.</summary>
public sealed record AnalyzedLog(string Name, PaperRunResult Result);
