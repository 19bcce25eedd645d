using HeuristicsBench.Prometheus.Api;
using HeuristicsBench.Prometheus.Queries;
using HeuristicsBench.Results.History;

namespace HeuristicsBench.Prometheus.History;

/// <summary>
/// A run's history read back from Prometheus: one query_range per metric of <see cref="PrometheusQueries"/> over the
/// run's window at <see cref="Step"/> (1 s, the local runner's sampling interval), assembled by
/// <see cref="HistoryAssembly"/>. Same metric names and format as the local runner's history; the metrics Prometheus
/// cannot answer (model lag, fidelity, similarity, active faults) are the runner's to add.
/// </summary>
public sealed class PrometheusHistorySource
{
    private readonly PrometheusClient _client;

    public PrometheusHistorySource(PrometheusClient client, PrometheusQueryOptions options)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
        Queries = PrometheusQueries.For(options);
    }

    public IReadOnlyList<HistoryQuery> Queries { get; }

    /// <summary>Resolution of the history. Prometheus answers at most 11,000 points per series, so 1 s covers about
    /// three hours; a longer window fails naming the query.</summary>
    public TimeSpan Step { get; init; } = TimeSpan.FromSeconds(1);

    public async Task<RunHistory> ReadAsync(DateTimeOffset start, DateTimeOffset end, CancellationToken cancel)
    {
        var results = new List<(HistoryQuery, IReadOnlyList<RangeSeries>)>(Queries.Count);
        foreach (var query in Queries)
            results.Add((query, await _client.QueryRangeAsync(query.PromQl, start, end, Step, cancel).ConfigureAwait(false)));
        return HistoryAssembly.From(results);
    }
}
