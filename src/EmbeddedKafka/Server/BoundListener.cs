using System.Net;

namespace EmbeddedKafka.Server;

/// <summary>A listener after binding: its local endpoint and the address it advertises.</summary>
public sealed record BoundListener(string Name, IPEndPoint LocalEndPoint, string AdvertisedHost, int AdvertisedPort)
{
    public string Advertised => $"{AdvertisedHost}:{AdvertisedPort}";
}
