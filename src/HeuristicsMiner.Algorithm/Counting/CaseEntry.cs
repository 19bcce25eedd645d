namespace HeuristicsMiner.Algorithm.Counting;

/// <summary>
/// A D_C entry: the last two activities of a case (ids; -1 when there is no second last), and its lossy counters.
/// </summary>
internal struct CaseEntry(int last, int secondLast, long frequency, long delta)
{
    public int Last = last;
    public int SecondLast = secondLast;
    public long Frequency = frequency;
    public long Delta = delta;

    public readonly bool CanBePruned(long bucket) => Frequency + Delta <= bucket;
}
