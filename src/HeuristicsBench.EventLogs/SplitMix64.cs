namespace HeuristicsBench.EventLogs;

/// <summary>
/// The SplitMix64 pseudo-random generator (Steele, Lea and Flood; public-domain reference by Vigna).
/// Its output depends only on the seed, never on the runtime, which makes it suitable for
/// reproducible benchmarks. Not thread-safe.
/// </summary>
public sealed class SplitMix64
{
    private ulong _state;

    /// <summary>Creates a generator with a 64-bit seed (the initial state).</summary>
    /// <param name="seed">The initial state.</param>
    public SplitMix64(ulong seed) => _state = seed;

    /// <summary>Creates a generator whose initial state is <paramref name="seed"/> sign-extended to 64 bits (two's complement).</summary>
    /// <param name="seed">The seed.</param>
    public SplitMix64(int seed)
        : this(unchecked((ulong)(long)seed))
    {
    }

    /// <summary>Advances the state and returns the next 64-bit value.</summary>
    /// <returns>The next value.</returns>
    public ulong Next()
    {
        unchecked
        {
            _state += 0x9E3779B97F4A7C15UL;
            var z = _state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
