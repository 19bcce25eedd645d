using System.Globalization;
using System.Net;
using EmbeddedKafka.Server;

namespace ChaosRunner.Broker;

/// <summary>Parses <c>--listener BIND_HOST:PORT[@ADVERTISED_HOST:PORT]</c>.</summary>
internal static class ListenerSpec
{
    public static ListenerOptions Parse(string spec, string name)
    {
        string[] parts = spec.Split('@');
        if (parts.Length > 2)
        {
            throw new FormatException($"--listener {spec}: expected BIND_HOST:PORT[@ADVERTISED_HOST:PORT]");
        }

        var (bindHost, bindPort) = HostPort(parts[0], spec);
        var listener = new ListenerOptions { Name = name, BindAddress = Address(bindHost, spec), Port = bindPort };
        if (parts.Length == 2)
        {
            var (host, port) = HostPort(parts[1], spec);
            listener = listener with { AdvertisedHost = host, AdvertisedPort = port };
        }

        return listener;
    }

    public static IPAddress Address(string host, string spec)
    {
        if (IPAddress.TryParse(host, out var address))
        {
            return address;
        }

        if (host == "localhost")
        {
            return IPAddress.Loopback;
        }

        throw new FormatException($"{spec}: bind address {host} must be an IP address");
    }

    private static (string Host, int Port) HostPort(string text, string spec)
    {
        int colon = text.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int port) || port > 65535)
        {
            throw new FormatException($"--listener {spec}: '{text}' is not HOST:PORT");
        }

        return (text[..colon], port);
    }
}
