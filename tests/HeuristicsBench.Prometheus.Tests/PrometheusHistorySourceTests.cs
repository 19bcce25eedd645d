using HeuristicsBench.Prometheus.Api;
using HeuristicsBench.Prometheus.History;
using HeuristicsBench.Prometheus.Queries;
using HeuristicsBench.Prometheus.Tests.Support;
using HeuristicsBench.Results.History;

namespace HeuristicsBench.Prometheus.Tests;

/// <summary>The history source against an in-test server: one range query per metric over the same window at 1 s.</summary>
public sealed class PrometheusHistorySourceTests
{
    [Fact]
    public async Task Every_metric_is_one_range_query_over_the_window_at_one_second()
    {
        await using var server = await FakePrometheus.StartAsync();
        server.Respond = r => r.Query["query"].StartsWith("sum by (partition)", StringComparison.Ordinal)
            ? (200, """{"status":"success","data":{"resultType":"matrix","result":[{"metric":{"partition":"0"},"values":[[1700000001,"3"]]},{"metric":{"partition":"1"},"values":[[1700000001,"4"]]}]}}""")
            : (200, """{"status":"success","data":{"resultType":"matrix","result":[{"metric":{},"values":[[1700000000,"1"],[1700000001,"NaN"]]}]}}""");
        using var client = new PrometheusClient(server.Address);
        var options = new PrometheusQueryOptions { Topic = "events", ConsumerGroup = "g", LagSource = LagSource.MinerGauge };
        var source = new PrometheusHistorySource(client, options);

        var history = await source.ReadAsync(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000), DateTimeOffset.FromUnixTimeSeconds(1_700_000_060), TestContext.Current.CancellationToken);

        Assert.Equal(PrometheusQueries.For(options).Select(q => q.PromQl), server.Requests.Select(r => r.Query["query"]));
        Assert.All(server.Requests, r =>
        {
            Assert.Equal("/api/v1/query_range", r.Path);
            Assert.Equal(("1700000000", "1700000060", "1"), (r.Query["start"], r.Query["end"], r.Query["step"]));
        });
        // nine single-series metrics with one finite sample each at the first second, then the two partitions at the next
        Assert.Equal(11, history.Samples.Count);
        Assert.Equal(9, history.Samples.Count(s => s.Time == 1700000000 && s.Value == 1));
        Assert.Equal([3.0], history.Series(MetricNames.LagPartition(0)).Values);
        Assert.Equal([4.0], history.Series(MetricNames.LagPartition(1)).Values);
    }
}
