namespace HeuristicsBench.Analysis.Faults;

public enum FaultRecoveryOutcome
{
    /// <summary>Lag came back into the band after the fault ended and stayed there for the hold time.</summary>
    Recovered,

    /// <summary>The observation (up to the next fault or the end of the series) ended before a confirmed recovery.</summary>
    NotRecovered,

    /// <summary>No lag sample in the baseline window before the fault, so there is no band to compare with.</summary>
    NoBaseline,
}
