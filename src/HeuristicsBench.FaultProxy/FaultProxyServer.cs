namespace HeuristicsBench.FaultProxy;

/// <summary>
/// Named TCP proxies with Toxiproxy's model: each forwards its listen address to an upstream, through toxics that
/// delay, throttle, hold, cut or reset the traffic of one direction. Thread-safe; every change is serialised.
/// </summary>
public sealed class FaultProxyServer : IDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, TcpProxy> _proxies = new(StringComparer.Ordinal);
    private readonly SharedRandom _random;

    /// <param name="seed">Seed of the generator behind toxicity draws, jitter and slice sizes (tests fix it).</param>
    public FaultProxyServer(int? seed = null) => _random = new SharedRandom(seed);

    public IReadOnlyList<ProxyState> List()
    {
        lock (_gate)
            return [.. _proxies.Values.Select(p => p.State).OrderBy(p => p.Name, StringComparer.Ordinal)];
    }

    public ProxyState Get(string name)
    {
        lock (_gate)
            return Find(name).State;
    }

    public ProxyState Create(ProxyConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (string.IsNullOrEmpty(config.Name))
            throw new FaultProxyException(FaultProxyErrorKind.BadRequest, "missing required field: name");
        if (string.IsNullOrEmpty(config.Upstream))
            throw new FaultProxyException(FaultProxyErrorKind.BadRequest, "missing required field: upstream");
        var listen = HostPort.Parse(string.IsNullOrEmpty(config.Listen) ? "127.0.0.1:0" : config.Listen, "listen");
        var upstream = HostPort.Parse(config.Upstream, "upstream");
        lock (_gate)
        {
            if (_proxies.ContainsKey(config.Name))
                throw new FaultProxyException(FaultProxyErrorKind.Conflict, "proxy already exists");
            var proxy = new TcpProxy(config.Name, listen, upstream, _random);
            if (config.Enabled)
                proxy.Start();
            _proxies.Add(config.Name, proxy);
            return proxy.State;
        }
    }

    /// <summary>Changes the given fields (null leaves one as it is); what POST /proxies/{name} does.</summary>
    public ProxyState Update(string name, bool? enabled = null, string? listen = null, string? upstream = null)
    {
        lock (_gate)
        {
            var proxy = Find(name);
            proxy.Reconfigure(
                string.IsNullOrEmpty(listen) ? proxy.Listen : HostPort.Parse(listen, "listen"),
                string.IsNullOrEmpty(upstream) ? proxy.Upstream : HostPort.Parse(upstream, "upstream"));
            if (enabled == true)
                proxy.Start();
            else if (enabled == false)
                proxy.Stop();
            return proxy.State;
        }
    }

    public void Delete(string name)
    {
        lock (_gate)
        {
            Find(name).Stop();
            _proxies.Remove(name);
        }
    }

    public IReadOnlyList<ToxicSpec> Toxics(string proxy)
    {
        lock (_gate)
            return Find(proxy).Toxics.Snapshot;
    }

    public ToxicSpec GetToxic(string proxy, string toxic)
    {
        lock (_gate)
            return Find(proxy).Toxics.Find(toxic) ?? throw new FaultProxyException(FaultProxyErrorKind.NotFound, "toxic not found");
    }

    public ToxicSpec AddToxic(string proxy, ToxicSpec toxic)
    {
        ArgumentNullException.ThrowIfNull(toxic);
        lock (_gate)
        {
            Find(proxy).Toxics.Add(toxic);
            return toxic;
        }
    }

    public ToxicSpec UpdateToxic(string proxy, string toxic, IReadOnlyDictionary<string, long>? attributes, double? toxicity)
    {
        lock (_gate)
            return Find(proxy).Toxics.Update(toxic, t => t.With(attributes, toxicity));
    }

    public void RemoveToxic(string proxy, string toxic)
    {
        lock (_gate)
            Find(proxy).Toxics.Remove(toxic);
    }

    /// <summary>Enables every proxy and removes every toxic (POST /reset).</summary>
    public void Reset()
    {
        lock (_gate)
        {
            foreach (var proxy in _proxies.Values)
            {
                proxy.Start();
                proxy.Toxics.Clear();
            }
        }
    }

    /// <summary>Stops every proxy and closes its connections.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var proxy in _proxies.Values)
                proxy.Stop();
            _proxies.Clear();
        }
    }

    private TcpProxy Find(string name) =>
        _proxies.TryGetValue(name, out var proxy) ? proxy : throw new FaultProxyException(FaultProxyErrorKind.NotFound, "proxy not found");
}
