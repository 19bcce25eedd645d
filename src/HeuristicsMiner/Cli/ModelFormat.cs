namespace HeuristicsMiner.Cli;

/// <summary>Output formats of <c>mine</c>.</summary>
public enum ModelFormat
{
    Json,
    Dot,
    Pnml,

    /// <summary>Human-readable summary of the net.</summary>
    Text,
}
