namespace HeuristicsBench.FaultProxy;

/// <summary>
/// A proxy as it is now: <see cref="Listen"/> carries the bound port once it has listened (so a proxy created with
/// port 0 keeps its port across disable and enable), and the toxics in the order they were added.
/// </summary>
public sealed record ProxyState(string Name, HostPort Listen, HostPort Upstream, bool Enabled, IReadOnlyList<ToxicSpec> Toxics);
