using HeuristicsBench.Prometheus.Api;
using HeuristicsBench.Prometheus.Tests.Support;

namespace HeuristicsBench.Prometheus.Tests;

/// <summary>The client against an in-test HTTP server: what it sends (path, query, start, end, step, time) and how it
/// reads matrix, vector, scalar and error answers.</summary>
public sealed class PrometheusClientTests
{
    private const string Matrix = """
        {"status":"success","data":{"resultType":"matrix","result":[
          {"metric":{"partition":"0","topic":"events"},"values":[[1700000000,"1"],[1700000001.5,"2.5e+03"],[1700000002,"NaN"]]},
          {"metric":{"partition":"1","topic":"events"},"values":[[1700000000,"+Inf"],[1700000001,"-Inf"]]}
        ]}}
        """;

    [Fact]
    public async Task Query_range_sends_the_query_and_its_window_and_reads_every_series()
    {
        await using var server = await FakePrometheus.StartAsync();
        server.Respond = _ => (200, Matrix);
        // a base address with a path prefix and no trailing slash keeps its prefix
        using var client = new PrometheusClient(new Uri(server.Address, "/prom"));
        const string promql = "sum by (partition) (kafka_consumergroup_lag{consumergroup=\"g 1\",topic=\"events\"} >= 0)";

        var series = await client.QueryRangeAsync(promql,
            DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_250), DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_030_000),
            TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);

        var request = Assert.Single(server.Requests);
        Assert.Equal("GET", request.Method);
        Assert.Equal("/prom/api/v1/query_range", request.Path);
        Assert.Equal(promql, request.Query["query"]);
        Assert.Equal("1700000000.25", request.Query["start"]);
        Assert.Equal("1700000030", request.Query["end"]);
        Assert.Equal("1", request.Query["step"]);
        Assert.Equal(4, request.Query.Count);

        Assert.Equal(2, series.Count);
        Assert.Equal("0", series[0].Labels["partition"]);
        Assert.Equal("events", series[0].Labels["topic"]);
        Assert.Equal([new SeriesPoint(1700000000, 1), new SeriesPoint(1700000001.5, 2500)], series[0].Points.Take(2));
        Assert.True(double.IsNaN(series[0].Points[2].Value));
        Assert.Equal([double.PositiveInfinity, double.NegativeInfinity], series[1].Points.Select(p => p.Value));
    }

    [Fact]
    public async Task A_sub_second_step_is_sent_as_fractional_seconds()
    {
        await using var server = await FakePrometheus.StartAsync();
        using var client = new PrometheusClient(server.Address);
        var start = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);

        var series = await client.QueryRangeAsync("up", start, start.AddSeconds(5), TimeSpan.FromMilliseconds(500), TestContext.Current.CancellationToken);

        Assert.Empty(series);
        var request = Assert.Single(server.Requests);
        Assert.Equal("/api/v1/query_range", request.Path);
        Assert.Equal("0.5", request.Query["step"]);
    }

    [Fact]
    public async Task Instant_query_reads_a_vector_and_a_scalar()
    {
        await using var server = await FakePrometheus.StartAsync();
        server.Respond = r => r.Query["query"] == "up"
            ? (200, """{"status":"success","data":{"resultType":"vector","result":[{"metric":{"__name__":"up","job":"miner"},"value":[1700000000.123,"1"]},{"metric":{"__name__":"up","job":"generator"},"value":[1700000000.123,"0"]}]}}""")
            : (200, """{"status":"success","data":{"resultType":"scalar","result":[1700000000.123,"42"]}}""");
        using var client = new PrometheusClient(server.Address);
        var at = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_123);

        var vector = await client.QueryAsync("up", at, TestContext.Current.CancellationToken);
        var scalar = await client.QueryAsync("scalar(42)", at, TestContext.Current.CancellationToken);

        Assert.Equal(["miner:1", "generator:0"], vector.Select(s => $"{s.Labels["job"]}:{s.Point.Value}"));
        Assert.Equal(1700000000.123, vector[0].Point.Time, 6);
        var only = Assert.Single(scalar);
        Assert.Empty(only.Labels);
        Assert.Equal(42, only.Point.Value);
        Assert.All(server.Requests, r =>
        {
            Assert.Equal("/api/v1/query", r.Path);
            Assert.Equal("1700000000.123", r.Query["time"]);
        });
        Assert.Equal(["up", "scalar(42)"], server.Requests.Select(r => r.Query["query"]));
    }

    [Fact]
    public async Task An_error_answer_names_the_query_the_status_and_prometheuss_error()
    {
        await using var server = await FakePrometheus.StartAsync();
        server.Respond = _ => (400, """{"status":"error","errorType":"bad_data","error":"1:5: parse error: unexpected end of input"}""");
        using var client = new PrometheusClient(server.Address);
        var start = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);

        var e = await Assert.ThrowsAsync<PrometheusQueryException>(() =>
            client.QueryRangeAsync("sum(", start, start.AddSeconds(10), TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken));

        Assert.Equal("sum(", e.Query);
        Assert.Contains("`sum(`", e.Message, StringComparison.Ordinal);
        Assert.Contains("HTTP 400", e.Message, StringComparison.Ordinal);
        Assert.Contains("bad_data: 1:5: parse error: unexpected end of input", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_http_error_without_json_names_the_status_and_the_body()
    {
        await using var server = await FakePrometheus.StartAsync();
        server.Respond = _ => (503, "Service Unavailable: TSDB not ready");
        using var client = new PrometheusClient(server.Address);

        var e = await Assert.ThrowsAsync<PrometheusQueryException>(() =>
            client.QueryAsync("up", DateTimeOffset.UnixEpoch, TestContext.Current.CancellationToken));

        Assert.Contains("`up`", e.Message, StringComparison.Ordinal);
        Assert.Contains("HTTP 503", e.Message, StringComparison.Ordinal);
        Assert.Contains("TSDB not ready", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_vector_where_a_matrix_is_expected_is_an_error()
    {
        await using var server = await FakePrometheus.StartAsync();
        server.Respond = _ => (200, """{"status":"success","data":{"resultType":"vector","result":[]}}""");
        using var client = new PrometheusClient(server.Address);

        var e = await Assert.ThrowsAsync<PrometheusQueryException>(() =>
            client.QueryRangeAsync("up", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddSeconds(1), TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken));

        Assert.Contains("expected a matrix result, got vector", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_that_is_not_there_is_an_error_naming_the_query_and_the_address()
    {
        Uri address;
        await using (var server = await FakePrometheus.StartAsync())
            address = server.Address;
        using var client = new PrometheusClient(address);

        var e = await Assert.ThrowsAsync<PrometheusQueryException>(() =>
            client.QueryAsync("up", DateTimeOffset.UnixEpoch, TestContext.Current.CancellationToken));

        Assert.Contains("`up`", e.Message, StringComparison.Ordinal);
        Assert.Contains(address.Authority + "/api/v1/query failed", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ftp://prometheus:9090")]
    [InlineData("/api")]
    public void The_base_address_must_be_absolute_http(string address) =>
        Assert.Throws<ArgumentException>(() => new PrometheusClient(new Uri(address, UriKind.RelativeOrAbsolute)));
}
