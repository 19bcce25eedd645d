using System.Net;
using System.Net.Sockets;

namespace HeuristicsBench.FaultProxy;

/// <summary>
/// One named proxy: while enabled it accepts on its listen address and pipes each client to a fresh connection
/// to the upstream. Disabling stops listening and closes every connection. Callers serialise changes
/// (<see cref="FaultProxyServer"/> holds its lock around them).
/// </summary>
internal sealed class TcpProxy
{
    private readonly SharedRandom _random;
    private readonly Lock _connectionsGate = new();
    private readonly HashSet<ProxyConnection> _connections = [];
    private Socket? _listener;

    public TcpProxy(string name, HostPort listen, HostPort upstream, SharedRandom random)
    {
        Name = name;
        Listen = listen;
        Upstream = upstream;
        _random = random;
    }

    public string Name { get; }

    public HostPort Listen { get; private set; }

    public HostPort Upstream { get; private set; }

    public bool Enabled => _listener is not null;

    public ToxicSet Toxics { get; } = new();

    public ProxyState State => new(Name, Listen, Upstream, Enabled, Toxics.Snapshot);

    public void Start()
    {
        if (_listener is not null)
            return;
        var listener = new Socket(SocketType.Stream, ProtocolType.Tcp);
        try
        {
            listener.Bind(new IPEndPoint(ResolveListen(Listen.Host), Listen.Port));
            listener.Listen(128);
        }
        catch (SocketException e)
        {
            listener.Dispose();
            throw new FaultProxyException(FaultProxyErrorKind.ListenFailed, $"listen tcp {Listen}: {e.Message}", e);
        }

        // keep the bound port: a proxy made with port 0 listens on the same port after disable and enable
        Listen = Listen with { Port = ((IPEndPoint)listener.LocalEndPoint!).Port };
        _listener = listener;
        _ = AcceptLoopAsync(listener);
    }

    public void Stop()
    {
        var listener = _listener;
        if (listener is null)
            return;
        _listener = null;
        listener.Dispose();
        ProxyConnection[] open;
        lock (_connectionsGate)
            open = [.. _connections];
        foreach (var connection in open)
            connection.Close();
    }

    /// <summary>Changes where it listens or forwards; a running proxy restarts (its connections close).</summary>
    public void Reconfigure(HostPort listen, HostPort upstream)
    {
        if (listen == Listen && upstream == Upstream)
            return;
        bool wasEnabled = Enabled;
        Stop();
        Listen = listen;
        Upstream = upstream;
        if (wasEnabled)
            Start();
    }

    private static IPAddress ResolveListen(string host) =>
        host is "" or "0.0.0.0" ? IPAddress.Any
        : host == "localhost" ? IPAddress.Loopback
        : IPAddress.TryParse(host, out var address) ? address
        : Dns.GetHostAddresses(host)[0];

    private async Task AcceptLoopAsync(Socket listener)
    {
        while (true)
        {
            Socket client;
            try
            {
                client = await listener.AcceptAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                return; // stopped
            }

            _ = ServeAsync(client, listener);
        }
    }

    private async Task ServeAsync(Socket client, Socket listener)
    {
        client.NoDelay = true;
        var server = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await server.ConnectAsync(Upstream.Host, Upstream.Port).ConfigureAwait(false);
        }
        catch (SocketException)
        {
            // upstream down: the client sees its connection closed, as with Toxiproxy
            server.Dispose();
            client.Dispose();
            return;
        }

        var connection = new ProxyConnection(client, server, Toxics, _random);
        lock (_connectionsGate)
            _connections.Add(connection);
        if (!ReferenceEquals(_listener, listener))
            connection.Close(); // disabled while connecting
        try
        {
            await connection.RunAsync().ConfigureAwait(false);
        }
        finally
        {
            lock (_connectionsGate)
                _connections.Remove(connection);
        }
    }
}
