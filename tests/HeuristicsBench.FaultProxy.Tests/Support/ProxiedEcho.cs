using System.Net.Sockets;

namespace HeuristicsBench.FaultProxy.Tests.Support;

/// <summary>An echo server behind a proxy named "echo" listening on 127.0.0.1 and a free port, plus client helpers.</summary>
internal sealed class ProxiedEcho : IDisposable
{
    private readonly EchoServer _echo = new();

    public ProxiedEcho(int seed = 1)
    {
        Server = new FaultProxyServer(seed);
        Server.Create(new ProxyConfig("echo", "127.0.0.1:0", _echo.Address));
    }

    public FaultProxyServer Server { get; }

    public int Port => Server.Get("echo").Listen.Port;

    public async Task<Socket> ConnectAsync(CancellationToken cancel)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync("127.0.0.1", Port, cancel);
        return socket;
    }

    /// <summary>Longest a read waits: a broken proxy fails a test instead of hanging it.</summary>
    public static readonly TimeSpan ReadLimit = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Reads until <paramref name="count"/> bytes arrived or the peer closed; returns what arrived. Throws
    /// OperationCanceledException when neither happens within <see cref="ReadLimit"/>.
    /// </summary>
    public static async Task<byte[]> ReadAsync(Socket socket, int count, CancellationToken cancel)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        limit.CancelAfter(ReadLimit);
        cancel = limit.Token;
        var result = new byte[count];
        int total = 0;
        while (total < count)
        {
            int read = await socket.ReceiveAsync(result.AsMemory(total), SocketFlags.None, cancel);
            if (read == 0)
                break;
            total += read;
        }

        return result[..total];
    }

    /// <summary>Whether anything (data or a close) arrives within <paramref name="wait"/>.</summary>
    public static async Task<bool> AnythingWithinAsync(Socket socket, TimeSpan wait, CancellationToken cancel)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        timeout.CancelAfter(wait);
        try
        {
            await socket.ReceiveAsync(new byte[1], SocketFlags.None, timeout.Token);
            return true;
        }
        catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
        {
            return false;
        }
    }

    public void Dispose()
    {
        Server.Dispose();
        _echo.Dispose();
    }
}
