using System.Net;
using System.Net.Sockets;
using HeuristicsBench.ServiceHost.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Prometheus;

namespace HeuristicsBench.ServiceHost.Tests;

public class ServiceEndpointTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Metrics_exports_the_given_registry_in_prometheus_text()
    {
        await using var running = await RunningEndpoint.StartAsync();
        var counter = Metrics.WithCustomRegistry(running.Registry).CreateCounter("svchost_test_events_total", "Events seen by the test.");
        counter.Inc(3);

        using var first = await running.Http.GetAsync("/metrics", Cancel);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(ServiceEndpoint.MetricsContentType, first.Content.Headers.ContentType?.ToString());
        var text = await first.Content.ReadAsStringAsync(Cancel);
        Assert.Contains("# TYPE svchost_test_events_total counter", text, StringComparison.Ordinal);
        Assert.Contains("\nsvchost_test_events_total 3\n", text, StringComparison.Ordinal);

        counter.Inc(2);
        var again = await running.Http.GetStringAsync("/metrics", Cancel);
        Assert.Contains("\nsvchost_test_events_total 5\n", again, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Healthz_is_200_when_live_and_503_with_the_reason_when_not()
    {
        await using var running = await RunningEndpoint.StartAsync();
        using (var live = await running.Http.GetAsync("/healthz", Cancel))
        {
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
            Assert.Equal("text/plain", live.Content.Headers.ContentType?.MediaType);
            Assert.Equal("ok: starting\n", await live.Content.ReadAsStringAsync(Cancel));
        }

        running.Health.SetLive(false, "consumer loop stuck for 90 s");
        using var dead = await running.Http.GetAsync("/healthz", Cancel);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, dead.StatusCode);
        Assert.Equal("not ok: consumer loop stuck for 90 s\n", await dead.Content.ReadAsStringAsync(Cancel));
    }

    [Fact]
    public async Task Readyz_follows_the_ready_state_both_ways()
    {
        await using var running = await RunningEndpoint.StartAsync();
        using (var starting = await running.Http.GetAsync("/readyz", Cancel))
            Assert.Equal(HttpStatusCode.ServiceUnavailable, starting.StatusCode);

        running.Health.SetReady(true, "joined group, state restored");
        using (var ready = await running.Http.GetAsync("/readyz", Cancel))
        {
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
            Assert.Equal("ok: joined group, state restored\n", await ready.Content.ReadAsStringAsync(Cancel));
        }

        running.Health.SetReady(false, "rebalancing");
        using var rebalancing = await running.Http.GetAsync("/readyz", Cancel);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, rebalancing.StatusCode);
        Assert.Equal("not ok: rebalancing\n", await rebalancing.Content.ReadAsStringAsync(Cancel));
    }

    [Fact]
    public async Task Unknown_paths_are_404()
    {
        await using var running = await RunningEndpoint.StartAsync();
        using var response = await running.Http.GetAsync("/nope", Cancel);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Extra_routes_are_served_including_minimal_api_delegates()
    {
        var registry = Metrics.NewCustomRegistry();
        await using var endpoint = await ServiceEndpoint.StartAsync(new HttpEndpointOptions(), registry, new ServiceHealth(), new AdjustableClock(),
            routes => routes.MapGet("/extra/{name}", (string name) => $"hello {name}"), Cancel);
        using var http = new HttpClient { BaseAddress = new Uri(endpoint.BaseAddress) };
        Assert.Equal("hello miner", await http.GetStringAsync("/extra/miner", Cancel));
    }

    [Fact]
    public async Task Two_endpoints_on_port_zero_get_different_ports_and_both_answer()
    {
        await using var a = await RunningEndpoint.StartAsync();
        await using var b = await RunningEndpoint.StartAsync();
        Assert.NotEqual(0, a.Endpoint.Port);
        Assert.NotEqual(0, b.Endpoint.Port);
        Assert.NotEqual(a.Endpoint.Port, b.Endpoint.Port);
        Assert.Equal($"http://127.0.0.1:{a.Endpoint.Port}", a.Endpoint.BaseAddress);
        a.Health.SetLive(true, "a");
        b.Health.SetLive(true, "b");
        Assert.Equal("ok: a\n", await a.Http.GetStringAsync("/healthz", Cancel));
        Assert.Equal("ok: b\n", await b.Http.GetStringAsync("/healthz", Cancel));
    }

    [Fact]
    public async Task Listening_on_all_ipv4_addresses_reports_the_port_and_a_loopback_base_address()
    {
        await using var running = await RunningEndpoint.StartAsync(listen: "0.0.0.0:0");
        Assert.NotEqual(0, running.Endpoint.Port);
        Assert.Equal($"http://127.0.0.1:{running.Endpoint.Port}", running.Endpoint.BaseAddress);
        Assert.Equal("ok: starting\n", await running.Http.GetStringAsync("/healthz", Cancel));
    }

    [Theory]
    [InlineData("[::1]:0")]
    [InlineData("[::]:0")]
    public async Task Listening_on_ipv6_reports_the_port_and_a_bracketed_base_address(string listen)
    {
        SkipUnlessIpv6Loopback();
        await using var running = await RunningEndpoint.StartAsync(listen: listen);
        Assert.NotEqual(0, running.Endpoint.Port);
        Assert.Equal($"http://[::1]:{running.Endpoint.Port}", running.Endpoint.BaseAddress);
        Assert.Equal("ok: starting\n", await running.Http.GetStringAsync("/healthz", Cancel));
    }

    [Fact]
    public async Task A_port_in_use_fails_with_an_io_error_naming_the_address()
    {
        await using var first = await RunningEndpoint.StartAsync();
        var taken = $"127.0.0.1:{first.Endpoint.Port}";
        var e = await Assert.ThrowsAsync<IOException>(() => RunningEndpoint.StartAsync(listen: taken));
        Assert.Contains(taken, e.Message, StringComparison.Ordinal);
        // the first one is unharmed
        Assert.Equal("ok: starting\n", await first.Http.GetStringAsync("/healthz", Cancel));
    }

    [Fact]
    public async Task Dispose_stops_listening_and_may_be_repeated()
    {
        var running = await RunningEndpoint.StartAsync();
        var port = running.Endpoint.Port;
        await running.Endpoint.DisposeAsync();
        await running.Endpoint.DisposeAsync();
        using var http = new HttpClient();
        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync($"http://127.0.0.1:{port}/healthz", Cancel));
        await running.DisposeAsync();
    }

    [Fact]
    public async Task A_malformed_listen_address_throws_before_anything_starts()
    {
        var e = await Assert.ThrowsAsync<FormatException>(() => ServiceEndpoint.StartAsync(
            new HttpEndpointOptions("localhost"), Metrics.NewCustomRegistry(), new ServiceHealth(), new AdjustableClock(), cancellation: Cancel));
        Assert.Contains("'localhost'", e.Message, StringComparison.Ordinal);
    }

    private static void SkipUnlessIpv6Loopback()
    {
        try
        {
            using var probe = new Socket(AddressFamily.InterNetworkV6, SocketType.Stream, ProtocolType.Tcp);
            probe.Bind(new IPEndPoint(IPAddress.IPv6Loopback, 0));
        }
        catch (SocketException e)
        {
            Assert.Skip($"no IPv6 loopback on this machine: {e.Message}");
        }
    }
}
