namespace HeuristicsBench.FaultProxy;

/// <summary>One seeded generator shared by every connection (toxicity draws, jitter, slice sizes), behind a lock.</summary>
internal sealed class SharedRandom(int? seed)
{
    private readonly Random _random = seed is int s ? new Random(s) : new Random();
    private readonly Lock _gate = new();

    public double NextDouble()
    {
        lock (_gate)
            return _random.NextDouble();
    }

    /// <summary>Uniform in [-spread, spread].</summary>
    public long Spread(long spread)
    {
        if (spread <= 0)
            return 0;
        lock (_gate)
            return _random.NextInt64(-spread, spread + 1);
    }
}
