namespace LoadGenerator.Generation;

/// <summary>Process exit codes of load-generator.</summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int Failure = 1;

    /// <summary>Bad input: unknown or malformed model, invalid option value, unwritable output.</summary>
    public const int BadInput = 2;
}
