using HeuristicsBench.Prometheus.Api;
using HeuristicsBench.Prometheus.Queries;
using HeuristicsBench.Results.History;

namespace HeuristicsBench.Prometheus.History;

/// <summary>
/// Turns the range results of <see cref="PrometheusQueries"/> into a <see cref="RunHistory"/> shaped like the local
/// runner's: samples in time order (within one time, in query order), times in Unix seconds, and no sample where
/// Prometheus has no number — NaN (a quantile of an empty window, 0/0) and ±Inf are left out, as the local history
/// leaves a gap. Pure.
/// </summary>
public static class HistoryAssembly
{
    public static RunHistory From(IReadOnlyList<(HistoryQuery Query, IReadOnlyList<RangeSeries> Series)> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var samples = new List<Sample>();
        foreach (var (query, series) in results)
        {
            if (query.SeriesLabel is null && series.Count > 1)
            {
                throw new PrometheusQueryException(query.PromQl,
                    $"{query.Metric} needs at most one series, got {series.Count} ({string.Join("; ", series.Select(s => Describe(s.Labels)))}); aggregate them or narrow the selectors");
            }
            foreach (var one in series)
            {
                var metric = query.Metric;
                if (query.SeriesLabel is { } label)
                {
                    if (!one.Labels.TryGetValue(label, out var value) || value.Length == 0)
                        throw new PrometheusQueryException(query.PromQl, $"{query.Metric}<{label}> needs the label \"{label}\" on every series, got {Describe(one.Labels)}");
                    metric += value;
                }
                foreach (var point in one.Points)
                {
                    if (double.IsFinite(point.Value))
                        samples.Add(new Sample(metric, point.Time, point.Value));
                }
            }
        }
        // OrderBy is stable: within one time the samples keep query order, as the runner records one second's samples
        return new RunHistory(samples.OrderBy(s => s.Time));
    }

    private static string Describe(IReadOnlyDictionary<string, string> labels) =>
        labels.Count == 0 ? "{}" : "{" + string.Join(",", labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}=\"{l.Value}\"")) + "}";
}
