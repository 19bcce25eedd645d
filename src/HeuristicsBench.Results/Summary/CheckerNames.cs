namespace HeuristicsBench.Results.Summary;

/// <summary>The checkers summary.csv has a column for (docs/results.md, checks.csv).</summary>
public static class CheckerNames
{
    public const string NoLostEvents = "no-lost-events";

    public const string NoDoubleCounting = "no-double-counting";

    public const string FinalModelEqualsBaseline = "final-model-equals-baseline";

    public const string NoOrphanProcesses = "no-orphan-processes";
}
