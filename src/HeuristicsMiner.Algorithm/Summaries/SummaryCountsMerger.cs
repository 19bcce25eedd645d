namespace HeuristicsMiner.Algorithm.Summaries;

/// <summary>
/// Merges the summaries of disjoint sub-streams (e.g. one per Kafka partition, cases keyed to partitions).
/// For every key: f = Σ fᵢ and Δ = Σ Δᵢ, where a summary that lacks the key contributes f = 0 and
/// Δ = its <see cref="SummaryCounts.MaxMissedCount"/> (the most it can have missed). N, cases and
/// MaxMissedCount add up.
/// <para>Error bound: if each part satisfies trueᵢ − εNᵢ ≤ fᵢ ≤ trueᵢ ≤ fᵢ + Δᵢ (and absent keys trueᵢ ≤
/// MaxMissedᵢ), the merge satisfies true − εN ≤ f ≤ true ≤ f + Δ with N = Σ Nᵢ — the same guarantee as one
/// summary over N events, provided no case spans two parts (a pair split across parts is seen by neither).
/// The premise always holds for activities; for relations, patterns and starts only while every part has no
/// case evictions (the merged <see cref="SummaryCounts.CaseEvictions"/> is their sum, so 0 says so).</para>
/// Lossy Counting parts need the same ε; LCB budgets add; merged SW counts cover the union of the parts'
/// windows (not the last ΣW events of any one order), and their window sizes add.
/// </summary>
public static class SummaryCountsMerger
{
    public static SummaryCounts Merge(IReadOnlyList<SummaryCounts> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        if (parts.Count == 0)
            throw new ArgumentException("nothing to merge", nameof(parts));
        var first = parts[0];
        if (parts.Any(p => p.Variant != first.Variant))
            throw new ArgumentException("cannot merge summaries of different variants", nameof(parts));
        if (first.Variant == SummaryVariant.LossyCounting && parts.Any(p => p.BucketWidth != first.BucketWidth))
            throw new ArgumentException("cannot merge Lossy Counting summaries with different epsilon", nameof(parts));

        var events = parts.Sum(p => p.EventsProcessed);
        var currentBucket = first.Variant switch
        {
            SummaryVariant.LossyCounting => first.BucketWidth == 0 ? 0 : (events + first.BucketWidth - 1) / first.BucketWidth,
            _ => parts.Sum(p => p.CurrentBucket),
        };
        return new SummaryCounts(
            first.Variant, events, first.Epsilon, first.BucketWidth, currentBucket,
            first.Budget is null ? null : parts.Sum(p => p.Budget ?? 0),
            first.WindowSize is null ? null : parts.Sum(p => p.WindowSize ?? 0),
            parts.Sum(p => p.MaxMissedCount),
            parts.Sum(p => p.Cases),
            parts.Sum(p => p.CaseEvictions),
            MergeNamed(parts, p => p.Activities),
            MergePairs(parts, p => p.Relations),
            MergePairs(parts, p => p.LoopPatterns),
            MergeNamed(parts, p => p.StartActivities));
    }

    private static CountEntry[] MergeNamed(IReadOnlyList<SummaryCounts> parts, Func<SummaryCounts, IReadOnlyList<CountEntry>> select)
    {
        var merged = MergeByKey(parts, p => select(p).Select(e => (e.Name, e.Frequency, e.Delta)));
        var result = merged.Select(kv => new CountEntry(kv.Key, kv.Value.Frequency, kv.Value.Delta)).ToArray();
        Array.Sort(result, CanonicalOrder.Compare);
        return result;
    }

    private static PairCountEntry[] MergePairs(IReadOnlyList<SummaryCounts> parts, Func<SummaryCounts, IReadOnlyList<PairCountEntry>> select)
    {
        var merged = MergeByKey(parts, p => select(p).Select(e => ((e.From, e.To), e.Frequency, e.Delta)));
        var result = merged.Select(kv => new PairCountEntry(kv.Key.From, kv.Key.To, kv.Value.Frequency, kv.Value.Delta)).ToArray();
        Array.Sort(result, CanonicalOrder.Compare);
        return result;
    }

    private static Dictionary<TKey, (long Frequency, long Delta)> MergeByKey<TKey>(
        IReadOnlyList<SummaryCounts> parts, Func<SummaryCounts, IEnumerable<(TKey Key, long Frequency, long Delta)>> entries)
        where TKey : notnull
    {
        var perPart = parts.Select(p => entries(p).ToDictionary(e => e.Key, e => (e.Frequency, e.Delta))).ToArray();
        var result = new Dictionary<TKey, (long Frequency, long Delta)>();
        foreach (var key in perPart.SelectMany(d => d.Keys).Distinct())
        {
            long frequency = 0, delta = 0;
            for (var i = 0; i < parts.Count; i++)
            {
                if (perPart[i].TryGetValue(key, out var e))
                {
                    frequency += e.Frequency;
                    delta += e.Delta;
                }
                else
                {
                    delta += parts[i].MaxMissedCount;
                }
            }
            result[key] = (frequency, delta);
        }
        return result;
    }
}
