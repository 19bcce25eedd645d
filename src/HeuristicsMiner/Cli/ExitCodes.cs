namespace HeuristicsMiner.Cli;

/// <summary>Process exit codes of heuristics-miner.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>Unexpected failure (a bug or an environment problem such as a full disk).</summary>
    public const int Failure = 1;

    /// <summary>Bad input: unreadable or malformed event log, invalid option value or usage.</summary>
    public const int BadInput = 2;
}
