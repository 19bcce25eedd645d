using System.Net;

namespace EmbeddedKafka.Server;

/// <summary>
/// One TCP listener: where it binds, and the host:port it tells clients (Metadata, FindCoordinator) to use.
/// Clients that reach the broker through a proxy must be told the proxy's address, so each listener
/// advertises its own. Port 0 binds an ephemeral port; without an advertised port the bound one is used.
/// </summary>
public sealed record ListenerOptions
{
    public string Name { get; init; } = "PLAINTEXT";

    public IPAddress BindAddress { get; init; } = IPAddress.Loopback;

    public int Port { get; init; } = 9092;

    public string? AdvertisedHost { get; init; }

    public int? AdvertisedPort { get; init; }
}
