using HeuristicsMiner.Algorithm.Counting;

namespace HeuristicsMiner.Algorithm.Summaries;

/// <summary>
/// A streaming summary of (case, activity) events from which a heuristics net can be built at any time.
/// Pure state: no I/O, no clocks. Not thread-safe; one summary per stream (e.g. per Kafka partition).
/// </summary>
public abstract class StreamSummary
{
    private protected StreamSummary(ActivityTable activities) => Activities = activities;

    /// <summary>Activity names interned to the ids <see cref="Observe(string,int)"/> takes.</summary>
    public ActivityTable Activities { get; }

    /// <summary>N: events observed so far.</summary>
    public long EventsProcessed { get; private protected set; }

    public abstract SummaryVariant Variant { get; }

    /// <summary>Entries currently held over all structures.</summary>
    public abstract int EntryCount { get; }

    /// <summary>Observes one event, interning the activity name.</summary>
    public void Observe(string caseId, string activity) => Observe(caseId, Activities.GetOrAdd(activity));

    /// <summary>Observes one event whose activity was interned in <see cref="Activities"/> beforehand.</summary>
    public void Observe(string caseId, int activityId)
    {
        ArgumentException.ThrowIfNullOrEmpty(caseId);
        if ((uint)activityId >= (uint)Activities.Count)
            throw new ArgumentOutOfRangeException(nameof(activityId), activityId, "not an id of this summary's activity table");
        ObserveCore(caseId, activityId);
    }

    /// <summary>The current counts, keyed by name and canonically ordered.</summary>
    public abstract SummaryCounts GetCounts();

    private protected abstract void ObserveCore(string caseId, int activity);

    internal abstract void WriteState(BinaryWriter writer);
}
