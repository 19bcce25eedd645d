using HeuristicsBench.Workloads.Models;
using HeuristicsBench.Workloads.Randomness;

namespace HeuristicsBench.Workloads.Tests.MarkovChains;

internal static class MarkovChainAssertions
{
    public static CausalRelation[] Relations(params string[] pairs) =>
        pairs.Select(p => p.Split("->"))
            .Select(p => new CausalRelation(p[0], p[1]))
            .OrderBy(r => r.From, StringComparer.Ordinal).ThenBy(r => r.To, StringComparer.Ordinal)
            .ToArray();

    public static void TruthIs(GroundTruth truth, string[] activities, CausalRelation[] relations, string[] starts, string[] ends)
    {
        Assert.Equal(activities, truth.Activities);
        Assert.Equal(relations, truth.Relations);
        Assert.Equal(starts, truth.StartActivities);
        Assert.Equal(ends, truth.EndActivities);
    }

    /// <summary>Content equality (GroundTruth records compare their lists by reference).</summary>
    public static bool SameTruth(GroundTruth a, GroundTruth b) =>
        a.Activities.SequenceEqual(b.Activities)
        && a.Relations.SequenceEqual(b.Relations)
        && a.StartActivities.SequenceEqual(b.StartActivities)
        && a.EndActivities.SequenceEqual(b.EndActivities);

    public static List<List<SimulatedStep>> SimulateCases(IProcessModel model, ulong seed, long step, int cases)
    {
        var random = new DeterministicRandom(seed);
        var result = new List<List<SimulatedStep>>(cases);
        for (var i = 0; i < cases; i++)
        {
            var steps = new List<SimulatedStep>();
            model.SimulateCase(random, step, steps);
            result.Add(steps);
        }
        return result;
    }

    /// <summary>Checks directly-follows pairs, first and last activities of sampled cases against the truth.</summary>
    public static void SampledBehaviourMatchesTruth(IProcessModel model, long step, int cases, ulong seed = 1)
    {
        var truth = model.TruthAt(step);
        var pairs = new HashSet<CausalRelation>();
        var starts = new HashSet<string>(StringComparer.Ordinal);
        var ends = new HashSet<string>(StringComparer.Ordinal);
        var activities = new HashSet<string>(StringComparer.Ordinal);
        foreach (var trace in SimulateCases(model, seed, step, cases))
        {
            starts.Add(trace[0].Activity);
            ends.Add(trace[^1].Activity);
            for (var i = 0; i < trace.Count; i++)
            {
                activities.Add(trace[i].Activity);
                if (i > 0)
                    pairs.Add(new CausalRelation(trace[i - 1].Activity, trace[i].Activity));
            }
        }

        // Subset: nothing sampled lies outside the truth; cover: all of the truth was sampled.
        Assert.Empty(pairs.Except(truth.Relations));
        Assert.Empty(truth.Relations.Except(pairs));
        Assert.Equal(truth.StartActivities, Sorted(starts));
        Assert.Equal(truth.EndActivities, Sorted(ends));
        Assert.Equal(truth.Activities, Sorted(activities));
    }

    private static string[] Sorted(IEnumerable<string> values) => values.Order(StringComparer.Ordinal).ToArray();
}
