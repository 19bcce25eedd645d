namespace ChaosRunner.Stress;

/// <summary>What <c>stress</c> burns: <paramref name="Threads"/> threads, each busy <paramref name="Percent"/> % of every period, for <paramref name="Duration"/> (null: until stopped).</summary>
public sealed record StressSettings(int Threads, int Percent, TimeSpan? Duration)
{
    public const int MaxThreads = 256;
}
