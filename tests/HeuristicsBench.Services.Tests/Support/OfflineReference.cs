using System.Text.Json.Nodes;
using Confluent.Kafka;
using HeuristicsBench.EventLogs;
using HeuristicsMiner.Algorithm.Export;
using HeuristicsMiner.Algorithm.Model;
using HeuristicsMiner.Algorithm.Summaries;

namespace HeuristicsBench.Services.Tests.Support;

/// <summary>
/// What the service must publish, computed offline: one summary per partition fed with that partition's valid events
/// in offset order (up to the given next offsets), merged, the model built and written as <c>mine --format json</c> does.
/// </summary>
public static class OfflineReference
{
    public static string ModelJson(
        Dictionary<int, List<ConsumeResult<byte[]?, byte[]?>>> records, IReadOnlyDictionary<int, long> upTo,
        SummaryOptions summary, ModelThresholds thresholds, int maxEventBytes = int.MaxValue)
    {
        var parts = new List<SummaryCounts>();
        foreach (var (partition, list) in records.OrderBy(p => p.Key))
        {
            if (!upTo.TryGetValue(partition, out var next))
                continue;
            var s = summary.Create();
            foreach (var r in list.Where(r => r.Offset.Value < next))
            {
                if (r.Message.Value is { Length: > 0 } value && value.Length <= maxEventBytes && StreamEventJson.TryParse(value, out var e, out _))
                    s.Observe(e!.CaseId, e.Activity);
            }
            parts.Add(s.GetCounts());
        }
        var counts = parts.Count == 0 ? summary.Create().GetCounts() : SummaryCountsMerger.Merge(parts);
        return Normalize(ModelJsonWriter.ToBytes(MinedModel.From(counts, thresholds)));
    }

    /// <summary>The model JSON without the service's own fields (offsets, group, instance, publishedAt), compact.</summary>
    public static string Normalize(byte[] json)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        foreach (var name in new[] { "offsets", "group", "instance", "publishedAt" })
            node.Remove(name);
        return node.ToJsonString();
    }

    /// <summary>The offsets object of a service model message: partition → next offset.</summary>
    public static Dictionary<int, long> Offsets(byte[] json) =>
        JsonNode.Parse(json)!["offsets"]!.AsObject().ToDictionary(p => int.Parse(p.Key, System.Globalization.CultureInfo.InvariantCulture), p => p.Value!.GetValue<long>());
}
