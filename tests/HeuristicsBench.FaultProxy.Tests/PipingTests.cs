using System.Diagnostics;
using System.Net.Sockets;
using HeuristicsBench.FaultProxy.Tests.Support;

namespace HeuristicsBench.FaultProxy.Tests;

public class PipingTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Bytes_pass_unchanged_both_ways_and_a_fin_is_passed_on()
    {
        using var proxied = new ProxiedEcho();
        using var client = await proxied.ConnectAsync(Cancel);
        var payload = new byte[300_000];
        new Random(7).NextBytes(payload);

        var reading = ProxiedEcho.ReadAsync(client, payload.Length + 1, Cancel);
        await client.SendAsync(payload, SocketFlags.None, Cancel);
        client.Shutdown(SocketShutdown.Send);

        // the echo server answers our FIN with its own only after echoing everything, so the read ends at EOF
        Assert.Equal(payload, await reading);
    }

    [Fact]
    public async Task Latency_delays_a_round_trip_by_at_least_the_configured_latency()
    {
        using var proxied = new ProxiedEcho();
        proxied.Server.AddToxic("echo", new ToxicSpec("latency", ToxicDirection.Downstream,
            attributes: new Dictionary<string, long> { ["latency"] = 300, ["jitter"] = 50 }));
        proxied.Server.AddToxic("echo", new ToxicSpec("latency", ToxicDirection.Upstream,
            attributes: new Dictionary<string, long> { ["latency"] = 100 }));
        using var client = await proxied.ConnectAsync(Cancel);

        var clock = Stopwatch.StartNew();
        await client.SendAsync("ping"u8.ToArray(), SocketFlags.None, Cancel);
        var echoed = await ProxiedEcho.ReadAsync(client, 4, Cancel);

        Assert.Equal("ping"u8.ToArray(), echoed);
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(100 + 300 - 50), $"round trip took {clock.Elapsed}");
    }

    [Fact]
    public async Task A_toxic_with_toxicity_zero_never_applies()
    {
        using var proxied = new ProxiedEcho();
        proxied.Server.AddToxic("echo", new ToxicSpec("timeout", ToxicDirection.Upstream, toxicity: 0));
        using var client = await proxied.ConnectAsync(Cancel);

        await client.SendAsync("data"u8.ToArray(), SocketFlags.None, Cancel);

        Assert.Equal("data"u8.ToArray(), await ProxiedEcho.ReadAsync(client, 4, Cancel));
    }

    [Fact]
    public async Task Bandwidth_spreads_data_over_time()
    {
        using var proxied = new ProxiedEcho();
        proxied.Server.AddToxic("echo", new ToxicSpec("bandwidth", ToxicDirection.Downstream,
            attributes: new Dictionary<string, long> { ["rate"] = 100 })); // 100 KB/s
        using var client = await proxied.ConnectAsync(Cancel);
        var payload = new byte[50_000];

        var clock = Stopwatch.StartNew();
        await client.SendAsync(payload, SocketFlags.None, Cancel);
        var echoed = await ProxiedEcho.ReadAsync(client, payload.Length, Cancel);

        Assert.Equal(payload.Length, echoed.Length);
        // 50 000 bytes at 100 000 bytes/s; the last slice's pause may come after the data, so allow one slice (0.1 s)
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(400), $"took {clock.Elapsed}");
    }
}
