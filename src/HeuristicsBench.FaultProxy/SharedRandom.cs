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

    /// <summary>True with probability <paramref name="percent"/>/100; no draw at 0 or 100, so those cannot shift a seeded sequence.</summary>
    public bool Chance(long percent)
    {
        if (percent <= 0)
            return false;
        if (percent >= 100)
            return true;
        lock (_gate)
            return _random.NextDouble() * 100 < percent;
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
