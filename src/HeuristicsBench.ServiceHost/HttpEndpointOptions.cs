using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace HeuristicsBench.ServiceHost;

/// <summary>Where the service's HTTP endpoint listens and what it offers.</summary>
/// <param name="Listen">
/// HOST:PORT with HOST a dotted IPv4 address, <c>[IPv6]</c>, <c>localhost</c> (127.0.0.1) or <c>*</c> (0.0.0.0);
/// port 0 picks a free one (see <see cref="ServiceEndpoint.Port"/>).
/// </param>
/// <param name="ClockControl">Serve <c>/control/clock</c> (off by default: it lets anyone skew the service's clock).</param>
public sealed record HttpEndpointOptions(string Listen = "127.0.0.1:0", bool ClockControl = false)
{
    /// <summary>Splits <see cref="Listen"/>; a malformed value throws <see cref="FormatException"/> naming it.</summary>
    public (IPAddress Address, int Port) Parse()
    {
        var listen = Listen ?? "";
        // an IPv6 host has colons of its own, so it comes in brackets and the port follows "]:"
        var bracketed = listen.StartsWith('[');
        var split = bracketed ? listen.IndexOf("]:", StringComparison.Ordinal) + 1 : listen.LastIndexOf(':');
        // NumberStyles.None: no sign, no spaces, no thousands separators
        if (split <= 0 || !int.TryParse(listen.AsSpan(split + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
            throw new FormatException($"HTTP listen address '{listen}' is not HOST:PORT (port 0-65535, IPv6 as [::1]:PORT)");
        return (bracketed ? ParseIPv6(listen, listen[1..(split - 1)]) : ParseHost(listen, listen[..split]), port);
    }

    private static IPAddress ParseIPv6(string listen, string host) =>
        IPAddress.TryParse(host, out var address) && address.AddressFamily == AddressFamily.InterNetworkV6
            ? address
            : throw new FormatException($"HTTP listen address '{listen}': '[{host}]' is not an IPv6 address");

    private static IPAddress ParseHost(string listen, string host)
    {
        if (host.Contains(':', StringComparison.Ordinal))
            throw new FormatException($"HTTP listen address '{listen}': write an IPv6 host in brackets, as [::1]:PORT");
        if (host is "*" or "+")
            return IPAddress.Any;
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
            return IPAddress.Loopback;
        // four dotted parts: IPAddress.TryParse alone would read "10" as 0.0.0.10 and "127.1" as 127.0.0.1
        if (host.Count(c => c == '.') == 3 && IPAddress.TryParse(host, out var v4) && v4.AddressFamily == AddressFamily.InterNetwork)
            return v4;
        throw new FormatException($"HTTP listen address '{listen}': '{host}' is not an IP address (use 0.0.0.0 for all)");
    }
}
