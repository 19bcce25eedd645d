namespace HeuristicsMiner.Algorithm.Counting;

/// <summary>A lossy-counting entry: observed frequency f and maximal undercount Δ.</summary>
internal struct LossyEntry(long frequency, long delta)
{
    public long Frequency = frequency;
    public long Delta = delta;

    public readonly bool CanBePruned(long bucket) => Frequency + Delta <= bucket;
}
