using ChaosRunner.Run.Checking;
using HeuristicsBench.Results.History;
using HeuristicsMiner.Algorithm.Export;
using HeuristicsMiner.Algorithm.Model;

namespace ChaosRunner.Run.Measurement;

/// <summary>History series computed after a run from the model messages it saw: similarity to the offline baseline at each model's offsets.</summary>
public static class ModelHistory
{
    /// <summary>Adds <see cref="MetricNames.BaselineSimilarity"/>: one value per second, of the last model published in that second.</summary>
    public static void AddSimilarities(RunHistory history, OfflineBaseline baseline, IReadOnlyList<ObservedModel> models)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(models);
        var parsed = new List<(double Time, IReadOnlyDictionary<int, long> Offsets, MinedModel Model)>();
        foreach (var m in models)
        {
            try
            {
                parsed.Add((m.Time, m.Offsets, ModelJsonReader.Read(m.Json)));
            }
            catch (FormatException)
            {
            }
        }
        var similarities = baseline.Similarities([.. parsed.Select(p => (p.Offsets, p.Model))]);
        for (var i = 0; i < parsed.Count; i++)
        {
            if (i + 1 < parsed.Count && Math.Floor(parsed[i + 1].Time) == Math.Floor(parsed[i].Time))
                continue;
            history.Add(MetricNames.BaselineSimilarity, parsed[i].Time, similarities[i]);
        }
    }
}
