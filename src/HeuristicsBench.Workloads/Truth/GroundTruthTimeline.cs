using HeuristicsBench.Workloads.Models;
using HeuristicsBench.Workloads.Streams;

namespace HeuristicsBench.Workloads.Truth;

/// <summary>Splits a stream of a given length into ground-truth segments, from the schedule and the models' structure.</summary>
public static class GroundTruthTimeline
{
    public static IReadOnlyList<TruthSegment> For(ModelSchedule schedule, long totalEvents)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var result = new List<TruthSegment>();
        var segments = schedule.Segments;
        for (var k = 0; k < segments.Count && segments[k].StartEvent < totalEvents; k++)
        {
            var from = segments[k].StartEvent;
            var to = k + 1 < segments.Count ? Math.Min(segments[k + 1].StartEvent, totalEvents) : totalEvents;
            var model = segments[k].Model;
            if (k > 0 && segments[k].MorphOver > 0)
            {
                var morphEnd = Math.Min(from + segments[k].MorphOver, to);
                var previous = segments[k - 1].Model;
                result.Add(new TruthSegment(from, morphEnd, [k - 1, k], [previous.Name, model.Name],
                    Union(previous.TruthAt(from), model.TruthAt(from))));
                from = morphEnd;
            }
            var cuts = model.TruthChangeSteps.Where(s => s > from && s < to).Order().Prepend(from).Append(to).Distinct().ToArray();
            for (var i = 0; i + 1 < cuts.Length; i++)
                result.Add(new TruthSegment(cuts[i], cuts[i + 1], [k], [model.Name], model.TruthAt(cuts[i])));
        }
        return result;
    }

    public static GroundTruth Union(GroundTruth a, GroundTruth b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        static string[] Names(IEnumerable<string> x, IEnumerable<string> y) => [.. x.Union(y, StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        var relations = a.Relations.Concat(b.Relations).Distinct()
            .OrderBy(r => r.From, StringComparer.Ordinal).ThenBy(r => r.To, StringComparer.Ordinal).ToArray();
        return new GroundTruth(Names(a.Activities, b.Activities), relations,
            Names(a.StartActivities, b.StartActivities), Names(a.EndActivities, b.EndActivities));
    }
}
