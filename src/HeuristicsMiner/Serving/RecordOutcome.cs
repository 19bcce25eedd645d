namespace HeuristicsMiner.Serving;

/// <summary>What the miner did with one input record.</summary>
public enum RecordOutcome
{
    /// <summary>Counted into the partition's state.</summary>
    Valid,

    /// <summary>Not a usable event (not JSON, a field missing, oversized, unknown schema): to the dead-letter topic.</summary>
    Invalid,

    /// <summary>Below the partition's next offset: already reflected in the state (a re-delivery), ignored.</summary>
    AlreadyReflected,
}
