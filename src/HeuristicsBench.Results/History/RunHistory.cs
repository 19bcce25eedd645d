namespace HeuristicsBench.Results.History;

/// <summary>
/// Everything measured during one run, in the order recorded (thread-safe appends). The long CSV is this list as is;
/// the wide CSV pivots it by time.
/// </summary>
public sealed class RunHistory
{
    private readonly List<Sample> _samples = [];

    public RunHistory()
    {
    }

    public RunHistory(IEnumerable<Sample> samples) => _samples.AddRange(samples);

    public void Add(string metric, double time, double value)
    {
        lock (_samples)
            _samples.Add(new Sample(metric, time, value));
    }

    public IReadOnlyList<Sample> Samples
    {
        get
        {
            lock (_samples)
                return [.. _samples];
        }
    }

    /// <summary>The metrics present, in order of first appearance.</summary>
    public IReadOnlyList<string> Metrics => Samples.Select(s => s.Metric).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>One metric's samples in time order.</summary>
    public (double[] Times, double[] Values) Series(string metric)
    {
        var rows = Samples.Where(s => s.Metric == metric).OrderBy(s => s.Time).ToList();
        return ([.. rows.Select(r => r.Time)], [.. rows.Select(r => r.Value)]);
    }
}
