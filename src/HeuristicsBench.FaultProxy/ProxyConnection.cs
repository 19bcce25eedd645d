using System.Net.Sockets;

namespace HeuristicsBench.FaultProxy;

/// <summary>
/// One accepted client and its upstream socket, piped both ways through the proxy's toxics. Ends when both
/// directions have ended (a FIN is passed on as a half close) or at once on a close, a reset or an error.
/// </summary>
internal sealed class ProxyConnection : IDisposable
{
    private readonly Socket _client;
    private readonly Socket _server;
    private readonly CancellationTokenSource _stop = new();
    private int _closed;

    public ProxyConnection(Socket client, Socket server, ToxicSet toxics, SharedRandom random)
    {
        _client = client;
        _server = server;
        Toxics = toxics;
        Random = random;
    }

    public ToxicSet Toxics { get; }

    public SharedRandom Random { get; }

    public CancellationToken Stopping => _stop.Token;

    public async Task RunAsync()
    {
        try
        {
            var upstream = new ToxicPipe(this, _client, _server, ToxicDirection.Upstream);
            var downstream = new ToxicPipe(this, _server, _client, ToxicDirection.Downstream);
            await Task.WhenAll(upstream.RunAsync(), downstream.RunAsync()).ConfigureAwait(false);
        }
        finally
        {
            Dispose();
        }
    }

    /// <summary>Closes the connection and frees the token source; called when both directions have ended.</summary>
    public void Dispose()
    {
        Close();
        _stop.Dispose();
    }

    /// <summary>Closes both sockets (a FIN to each peer); pending reads and writes end.</summary>
    public void Close()
    {
        if (Interlocked.Exchange(ref _closed, 1) != 0)
            return;
        try
        {
            _stop.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // RunAsync already finished
        }

        _client.Dispose();
        _server.Dispose();
    }

    /// <summary>Closes both sockets with a zero linger, so each peer sees a TCP RST ("connection reset by peer").</summary>
    public void Reset()
    {
        foreach (var socket in new[] { _client, _server })
        {
            try
            {
                socket.LingerState = new LingerOption(true, 0);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                // already gone: nothing to reset
            }
        }

        Close();
    }
}
