using HeuristicsMiner.Algorithm.Counting;

namespace HeuristicsMiner.Algorithm.Summaries;

/// <summary>What the two lossy variants (LC and LCB) share: the five lossy structures and what they report.</summary>
public abstract class LossySummary : StreamSummary
{
    private protected LossySummary(ActivityTable activities, LossyStructures state) : base(activities) => State = state;

    private protected LossyStructures State { get; }

    public override int EntryCount => State.EntryCount;

    /// <inheritdoc cref="LossyStructures.CaseEvictions"/>
    public long CaseEvictions => State.CaseEvictions;

    /// <summary>Entries per structure: activities, cases, relations, loop patterns, starts.</summary>
    public (int Activities, int Cases, int Relations, int LoopPatterns, int Starts) EntriesPerStructure =>
        (State.Activities.Count, State.Cases.Count, State.Relations.Count, State.LoopPatterns.Count, State.Starts.Count);
}
