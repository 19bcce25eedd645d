namespace HeuristicsBench.Benchmarks;

/// <summary>
/// A deterministic process-like event stream for benchmarks: a fixed random transition table over
/// <c>activities</c> activities (2–3 successors each), <c>openCases</c> cases in flight, each running
/// 5–15 events, the next event taken from a uniformly chosen open case. Not a reference model (the load
/// generator provides those); only a realistic mix of case and relation keys.
/// </summary>
public sealed class SyntheticProcess
{
    private readonly Random _random;
    private readonly int[][] _successors;
    private readonly (long Case, int Activity, int Remaining)[] _open;
    private long _nextCase;

    public SyntheticProcess(int activities = 20, int openCases = 1_000, int seed = 7)
    {
        _random = new Random(seed);
        ActivityNames = [.. Enumerable.Range(0, activities).Select(i => $"activity_{i:D2}")];
        _successors = [.. Enumerable.Range(0, activities).Select(_ =>
            Enumerable.Range(0, _random.Next(2, 4)).Select(_ => _random.Next(activities)).ToArray())];
        _open = new (long, int, int)[openCases];
        for (var i = 0; i < openCases; i++)
            _open[i] = NewCase();
    }

    public string[] ActivityNames { get; }

    /// <summary>The next event: case number and activity index.</summary>
    public (long Case, int Activity) Next()
    {
        var i = _random.Next(_open.Length);
        ref var slot = ref _open[i];
        var emitted = (slot.Case, slot.Activity);
        if (--slot.Remaining == 0)
            slot = NewCase();
        else
            slot.Activity = _successors[slot.Activity][_random.Next(_successors[slot.Activity].Length)];
        return emitted;
    }

    private (long, int, int) NewCase() => (_nextCase++, 0, _random.Next(5, 16));
}
