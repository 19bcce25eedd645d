namespace HeuristicsBench.Analysis.Series;

/// <summary>
/// A consumer-lag series: sample times (unix seconds) and lag values, in the order they were recorded.
/// Every time and value is a finite number; the order is kept as given (the paper's logs are concatenated
/// query_range answers and are analysed in file order).
/// </summary>
public sealed class LagSeries
{
    private readonly double[] _times;
    private readonly double[] _values;

    public LagSeries(IReadOnlyList<double> times, IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(times);
        ArgumentNullException.ThrowIfNull(values);
        if (times.Count != values.Count)
            throw new ArgumentException($"{times.Count} times but {values.Count} values.", nameof(values));
        _times = [.. times];
        _values = [.. values];
        for (int i = 0; i < _times.Length; i++)
        {
            if (!double.IsFinite(_times[i]))
                throw new ArgumentException($"Time {i} is not a finite number.", nameof(times));
            if (!double.IsFinite(_values[i]))
                throw new ArgumentException($"Value {i} is not a finite number.", nameof(values));
        }
    }

    public int Count => _times.Length;

    public ReadOnlySpan<double> Times => _times;

    public ReadOnlySpan<double> Values => _values;

    /// <summary>True when every time is at least the one before it.</summary>
    public bool IsTimeOrdered
    {
        get
        {
            for (int i = 1; i < _times.Length; i++)
            {
                if (_times[i] < _times[i - 1])
                    return false;
            }

            return true;
        }
    }
}
