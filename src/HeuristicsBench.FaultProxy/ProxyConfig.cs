namespace HeuristicsBench.FaultProxy;

/// <summary>What a proxy is asked to be: a name, where it listens (port 0 picks one), where it forwards, whether it runs.</summary>
public sealed record ProxyConfig(string Name, string Listen, string Upstream, bool Enabled = true);
