using HeuristicsMiner.Algorithm.Summaries;

namespace HeuristicsMiner.Algorithm.Model;

/// <summary>What the miner publishes: the counts it holds, the thresholds used, and the net built from them.</summary>
public sealed record MinedModel(SummaryCounts Counts, ModelThresholds Thresholds, HeuristicsNet Net)
{
    public static MinedModel From(SummaryCounts counts, ModelThresholds thresholds) =>
        new(counts, thresholds, HeuristicsNetBuilder.Build(counts, thresholds));
}
