namespace HeuristicsMiner.Serving;

/// <summary>Coarse class of an invalid record: the <c>reason</c> label of the invalid-events metric (the full
/// reason goes to the dead-letter header).</summary>
public enum InvalidKind
{
    Empty,
    Oversized,
    Malformed,
}
