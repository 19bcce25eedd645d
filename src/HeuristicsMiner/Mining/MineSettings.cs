using HeuristicsBench.EventLogs;
using HeuristicsMiner.Algorithm.Model;
using HeuristicsMiner.Algorithm.Summaries;
using HeuristicsMiner.Cli;

namespace HeuristicsMiner.Mining;

/// <summary>Everything one offline <c>mine</c> run needs.</summary>
public sealed record MineSettings(
    string Input,
    SummaryOptions Summary,
    ModelThresholds Thresholds,
    EventLogReadOptions ReadOptions,
    ModelFormat Format = ModelFormat.Json,
    string? Output = null,
    bool Indent = false,
    bool Quiet = false);
