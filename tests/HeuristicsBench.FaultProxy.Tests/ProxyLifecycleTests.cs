using System.Net.Sockets;
using HeuristicsBench.FaultProxy.Tests.Support;

namespace HeuristicsBench.FaultProxy.Tests;

public class ProxyLifecycleTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Disabling_closes_connections_and_stops_listening_and_enabling_listens_on_the_same_port()
    {
        using var proxied = new ProxiedEcho();
        int port = proxied.Port;
        Assert.NotEqual(0, port);
        using var client = await proxied.ConnectAsync(Cancel);
        await client.SendAsync("a"u8.ToArray(), SocketFlags.None, Cancel);
        Assert.Equal("a"u8.ToArray(), await ProxiedEcho.ReadAsync(client, 1, Cancel));

        var disabled = proxied.Server.Update("echo", enabled: false);

        Assert.False(disabled.Enabled);
        await ClosedByTheProxyAsync(client);
        var refused = await Assert.ThrowsAsync<SocketException>(async () => await proxied.ConnectAsync(Cancel));
        Assert.Equal(SocketError.ConnectionRefused, refused.SocketErrorCode);

        var enabled = proxied.Server.Update("echo", enabled: true);

        Assert.Equal(port, enabled.Listen.Port);
        using var again = await proxied.ConnectAsync(Cancel);
        await again.SendAsync("b"u8.ToArray(), SocketFlags.None, Cancel);
        Assert.Equal("b"u8.ToArray(), await ProxiedEcho.ReadAsync(again, 1, Cancel));
    }

    /// <summary>The connection was closed: an orderly end of stream, or a reset when the close raced with unread data.</summary>
    private static async Task ClosedByTheProxyAsync(Socket client)
    {
        try
        {
            Assert.Empty(await ProxiedEcho.ReadAsync(client, 1, Cancel));
        }
        catch (SocketException e)
        {
            Assert.Equal(SocketError.ConnectionReset, e.SocketErrorCode);
        }
    }

    [Fact]
    public void Reset_enables_every_proxy_and_removes_every_toxic()
    {
        using var proxied = new ProxiedEcho();
        proxied.Server.AddToxic("echo", new ToxicSpec("latency"));
        proxied.Server.Update("echo", enabled: false);

        proxied.Server.Reset();

        var state = proxied.Server.Get("echo");
        Assert.True(state.Enabled);
        Assert.Empty(state.Toxics);
    }
}
