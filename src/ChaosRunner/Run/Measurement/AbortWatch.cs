using HeuristicsBench.Experiments;

namespace ChaosRunner.Run.Measurement;

/// <summary>Watches a lag series against the experiment's abort conditions: fires once, when lag has stayed above a condition's limit for its duration.</summary>
public sealed class AbortWatch(IReadOnlyList<AbortCondition> conditions)
{
    private readonly double?[] _since = new double?[conditions.Count];
    private bool _fired;

    /// <summary>Takes a lag sample (Unix seconds, events); returns the abort reason the first time a condition is met, else null.</summary>
    public string? Observe(double now, double lag)
    {
        if (_fired)
            return null;
        for (var i = 0; i < conditions.Count; i++)
        {
            if (lag <= conditions[i].LagAbove)
            {
                _since[i] = null;
                continue;
            }
            _since[i] ??= now;
            if (now - _since[i]!.Value >= conditions[i].For.TotalSeconds)
            {
                _fired = true;
                return $"lag above {conditions[i].LagAbove} for {conditions[i].For.TotalSeconds:0.#} s (now {lag:0})";
            }
        }
        return null;
    }
}
