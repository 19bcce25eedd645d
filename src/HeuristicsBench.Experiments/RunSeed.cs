using System.Text;

namespace HeuristicsBench.Experiments;

/// <summary>
/// Per-run seeds: a SplitMix64-style mix of the experiment seed, the scenario name (FNV-1a of its UTF-8 bytes,
/// so reordering scenarios keeps their seeds), the sweep index and the iteration. Same inputs, same seed, on
/// every platform.
/// </summary>
public static class RunSeed
{
    public static long Derive(long experimentSeed, string scenario, int sweepIndex, int iteration)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(scenario))
            hash = (hash ^ b) * 1099511628211UL;
        var state = Mix(unchecked((ulong)experimentSeed));
        state = Mix(state ^ hash);
        state = Mix(state ^ (uint)sweepIndex);
        state = Mix(state ^ ((ulong)(uint)iteration << 32));
        return unchecked((long)state);
    }

    private static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
