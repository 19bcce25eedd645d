namespace HeuristicsMiner.Algorithm.Counting;

/// <summary>Packs an ordered pair of activity ids into one 64-bit dictionary key.</summary>
public static class PairKey
{
    public static long Of(int from, int to) => ((long)from << 32) | (uint)to;

    public static int From(long key) => (int)(key >> 32);

    public static int To(long key) => (int)(uint)key;
}
