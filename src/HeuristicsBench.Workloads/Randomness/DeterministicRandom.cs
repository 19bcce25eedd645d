namespace HeuristicsBench.Workloads.Randomness;

/// <summary>
/// A seeded pseudo-random source whose sequence is fixed by this code alone (xoshiro256** seeded through
/// SplitMix64), so a seed gives the same stream on every .NET version and machine. Not thread-safe.
/// </summary>
public sealed class DeterministicRandom
{
    private ulong _s0, _s1, _s2, _s3;

    public DeterministicRandom(ulong seed)
    {
        var sm = seed;
        _s0 = SplitMix(ref sm);
        _s1 = SplitMix(ref sm);
        _s2 = SplitMix(ref sm);
        _s3 = SplitMix(ref sm);
    }

    public ulong NextUInt64()
    {
        var result = RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [0, maxExclusive), without modulo bias (Lemire's method).</summary>
    public int NextInt(int maxExclusive)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxExclusive);
        var bound = (ulong)maxExclusive;
        var product = (UInt128)NextUInt64() * bound;
        var low = (ulong)product;
        if (low < bound)
        {
            var threshold = (0 - bound) % bound;
            while (low < threshold)
            {
                product = (UInt128)NextUInt64() * bound;
                low = (ulong)product;
            }
        }
        return (int)(product >> 64);
    }

    /// <summary>Uniform in [min, max].</summary>
    public int NextInt(int min, int max) => min + NextInt(max - min + 1);

    /// <summary>Standard normal (Box–Muller, one of the pair).</summary>
    public double NextGaussian()
    {
        var u1 = 1.0 - NextDouble();
        var u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    /// <summary>Exponential with the given mean (inter-arrival times of a Poisson process).</summary>
    public double NextExponential(double mean) => -mean * Math.Log(1.0 - NextDouble());

    /// <summary>An index drawn with the given non-negative weights (at least one positive).</summary>
    public int NextWeighted(ReadOnlySpan<double> weights)
    {
        var total = 0.0;
        foreach (var w in weights)
            total += w;
        if (!(total > 0))
            throw new ArgumentException("weights must contain a positive value", nameof(weights));
        var x = NextDouble() * total;
        for (var i = 0; i < weights.Length; i++)
        {
            x -= weights[i];
            if (x < 0 && weights[i] > 0)
                return i;
        }
        for (var i = weights.Length - 1; i >= 0; i--)
        {
            if (weights[i] > 0)
                return i;
        }
        return weights.Length - 1;
    }

    private static ulong SplitMix(ref ulong state)
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));
}
