using System.Text.Json.Nodes;
using HeuristicsMiner.Algorithm.Export;
using HeuristicsMiner.Algorithm.Model;
using HeuristicsMiner.Algorithm.Summaries;
using HeuristicsBench.Workloads.Fidelity;

namespace ChaosRunner.Run.Checking;

/// <summary>
/// What a run without faults publishes at given offsets: one summary per partition fed that partition's valid
/// records in offset order up to the offsets, merged, the model built — the miner service's exact computation,
/// done offline. Used for the final-model checker and for the baseline similarity over time.
/// </summary>
public sealed class OfflineBaseline(TopicRecords records, SummaryOptions summary, ModelThresholds thresholds)
{
    private static readonly string[] ServiceFields = ["offsets", "group", "instance", "publishedAt"];

    public MinedModel ModelAt(IReadOnlyDictionary<int, long> offsets)
    {
        ArgumentNullException.ThrowIfNull(offsets);
        var parts = new List<SummaryCounts>();
        for (var p = 0; p < records.Partitions.Count; p++)
        {
            if (!offsets.TryGetValue(p, out var next))
                continue;
            var s = summary.Create();
            var list = records.Partitions[p];
            for (var i = 0; i < Math.Min(next, list.Count); i++)
            {
                if (list[i] is { } e)
                    s.Observe(e.Case, e.Activity);
            }
            parts.Add(s.GetCounts());
        }
        var counts = parts.Count == 0 ? summary.Create().GetCounts() : SummaryCountsMerger.Merge(parts);
        return MinedModel.From(counts, thresholds);
    }

    public string NormalizedJsonAt(IReadOnlyDictionary<int, long> offsets) => Normalize(ModelJsonWriter.ToBytes(ModelAt(offsets)));

    /// <summary>
    /// Arc F1 of each model against the baseline at its offsets, in order. Summaries are advanced incrementally while
    /// offsets only grow and rebuilt for a partition whose offset went back (a restarted miner republishing).
    /// </summary>
    public IReadOnlyList<double> Similarities(IReadOnlyList<(IReadOnlyDictionary<int, long> Offsets, MinedModel Model)> models)
    {
        ArgumentNullException.ThrowIfNull(models);
        var summaries = new StreamSummary?[records.Partitions.Count];
        var positions = new long[records.Partitions.Count];
        var result = new List<double>(models.Count);
        foreach (var (offsets, model) in models)
        {
            var parts = new List<SummaryCounts>();
            for (var p = 0; p < records.Partitions.Count; p++)
            {
                if (!offsets.TryGetValue(p, out var next))
                    continue;
                if (summaries[p] is null || next < positions[p])
                {
                    summaries[p] = summary.Create();
                    positions[p] = 0;
                }
                var list = records.Partitions[p];
                for (var i = positions[p]; i < Math.Min(next, list.Count); i++)
                {
                    if (list[(int)i] is { } e)
                        summaries[p]!.Observe(e.Case, e.Activity);
                }
                positions[p] = Math.Max(positions[p], Math.Min(next, list.Count));
                parts.Add(summaries[p]!.GetCounts());
            }
            var counts = parts.Count == 0 ? summary.Create().GetCounts() : SummaryCountsMerger.Merge(parts);
            result.Add(ModelSimilarity.Of(model, MinedModel.From(counts, thresholds)).ArcF1);
        }
        return result;
    }

    /// <summary>A model JSON without the service's own fields, compact.</summary>
    public static string Normalize(byte[] json)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        foreach (var name in ServiceFields)
            node.Remove(name);
        return node.ToJsonString();
    }
}
