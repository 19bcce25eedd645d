using System.Net.Sockets;
using HeuristicsBench.FaultProxy.Tests.Support;

namespace HeuristicsBench.FaultProxy.Tests;

public class ToxicEffectTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Timeout_zero_blackholes_and_removing_it_lets_data_flow_again()
    {
        using var proxied = new ProxiedEcho();
        proxied.Server.AddToxic("echo", new ToxicSpec("timeout", ToxicDirection.Upstream, name: "partition"));
        using (var held = await proxied.ConnectAsync(Cancel))
        {
            await held.SendAsync("lost?"u8.ToArray(), SocketFlags.None, Cancel);
            Assert.False(await ProxiedEcho.AnythingWithinAsync(held, TimeSpan.FromMilliseconds(500), Cancel));
        }

        proxied.Server.RemoveToxic("echo", "partition");
        using var fresh = await proxied.ConnectAsync(Cancel);
        await fresh.SendAsync("back"u8.ToArray(), SocketFlags.None, Cancel);
        Assert.Equal("back"u8.ToArray(), await ProxiedEcho.ReadAsync(fresh, 4, Cancel));
    }

    [Fact]
    public async Task Removing_a_timeout_toxic_releases_the_data_a_live_connection_held()
    {
        using var proxied = new ProxiedEcho();
        proxied.Server.AddToxic("echo", new ToxicSpec("timeout", ToxicDirection.Downstream, name: "hold"));
        using var client = await proxied.ConnectAsync(Cancel);
        await client.SendAsync("held"u8.ToArray(), SocketFlags.None, Cancel);
        await Task.Delay(200, Cancel);

        proxied.Server.RemoveToxic("echo", "hold");

        Assert.Equal("held"u8.ToArray(), await ProxiedEcho.ReadAsync(client, 4, Cancel));
    }

    [Fact]
    public async Task Timeout_above_zero_closes_the_connection_after_the_timeout()
    {
        using var proxied = new ProxiedEcho();
        proxied.Server.AddToxic("echo", new ToxicSpec("timeout", ToxicDirection.Upstream,
            attributes: new Dictionary<string, long> { ["timeout"] = 200 }));
        using var client = await proxied.ConnectAsync(Cancel);
        await client.SendAsync("x"u8.ToArray(), SocketFlags.None, Cancel);

        Assert.Empty(await ProxiedEcho.ReadAsync(client, 1, Cancel)); // EOF, no echo
    }

    [Fact]
    public async Task Reset_peer_resets_the_connection()
    {
        using var proxied = new ProxiedEcho();
        proxied.Server.AddToxic("echo", new ToxicSpec("reset_peer", ToxicDirection.Upstream,
            attributes: new Dictionary<string, long> { ["timeout"] = 50 }));
        using var client = await proxied.ConnectAsync(Cancel);
        await client.SendAsync("x"u8.ToArray(), SocketFlags.None, Cancel);

        var error = await Assert.ThrowsAsync<SocketException>(async () => await ProxiedEcho.ReadAsync(client, 1, Cancel));
        Assert.Equal(SocketError.ConnectionReset, error.SocketErrorCode);
    }

    [Fact]
    public async Task Limit_data_closes_after_the_given_number_of_bytes()
    {
        using var proxied = new ProxiedEcho();
        proxied.Server.AddToxic("echo", new ToxicSpec("limit_data", ToxicDirection.Downstream,
            attributes: new Dictionary<string, long> { ["bytes"] = 10 }));
        using var client = await proxied.ConnectAsync(Cancel);
        var payload = Enumerable.Range(0, 25).Select(i => (byte)i).ToArray();

        await client.SendAsync(payload, SocketFlags.None, Cancel);
        var echoed = await ProxiedEcho.ReadAsync(client, payload.Length, Cancel);

        Assert.Equal(payload[..10], echoed);
    }

    [Fact]
    public async Task A_toxic_added_to_a_live_connection_acts_on_its_next_chunk()
    {
        using var proxied = new ProxiedEcho();
        using var client = await proxied.ConnectAsync(Cancel);
        await client.SendAsync("one"u8.ToArray(), SocketFlags.None, Cancel);
        Assert.Equal("one"u8.ToArray(), await ProxiedEcho.ReadAsync(client, 3, Cancel));

        proxied.Server.AddToxic("echo", new ToxicSpec("timeout", ToxicDirection.Upstream));
        await client.SendAsync("two"u8.ToArray(), SocketFlags.None, Cancel);

        Assert.False(await ProxiedEcho.AnythingWithinAsync(client, TimeSpan.FromMilliseconds(400), Cancel));
    }
}
