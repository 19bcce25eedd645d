namespace HeuristicsBench.Workloads.Streams;

/// <summary>
/// How cases become a stream: the seed, the target number of cases in flight (cases arrive as a Poisson
/// process whose rate makes this the mean concurrency, by Little's law), noise, the simulated start time,
/// and how case ids are spelled.
/// </summary>
public sealed record StreamSettings(
    ulong Seed = 1,
    int TargetConcurrentCases = 100,
    NoiseSettings? Noise = null,
    DateTimeOffset? Start = null,
    string CasePrefix = StreamSettings.DefaultCasePrefix)
{
    /// <summary>Case ids are this prefix followed by a running number.</summary>
    public const string DefaultCasePrefix = "case_";

    public static DateTimeOffset DefaultStart { get; } = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public void Validate()
    {
        if (TargetConcurrentCases < 1)
            throw new ArgumentOutOfRangeException(nameof(TargetConcurrentCases), TargetConcurrentCases, "at least one case must be in flight");
        if (CasePrefixRule.Problem(CasePrefix) is { } problem)
            throw new ArgumentException($"case prefix '{CasePrefix}' {problem}", nameof(CasePrefix));
        Noise?.Validate();
    }
}
