namespace ChaosRunner;

/// <summary>Process exit codes of heuristics-bench.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>Unexpected failure (a bug or an environment problem).</summary>
    public const int Failure = 1;

    /// <summary>Bad input: a missing directory, a malformed log, an invalid option value or usage.</summary>
    public const int BadInput = 2;
}
