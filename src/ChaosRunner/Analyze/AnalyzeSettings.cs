using HeuristicsBench.Analysis.Paper;

namespace ChaosRunner.Analyze;

/// <summary>What <c>analyze</c> reads (files of <paramref name="Directory"/> matching <paramref name="Pattern"/>, not recursively) and how it reports.</summary>
public sealed record AnalyzeSettings(string Directory, string Pattern, AnalyzeFormat Format, PaperRecoveryOptions Options);
