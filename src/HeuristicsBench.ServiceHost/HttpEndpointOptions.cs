namespace HeuristicsBench.ServiceHost;

/// <summary>Where the service's HTTP endpoint listens and what it offers.</summary>
/// <param name="Listen">HOST:PORT; port 0 picks a free one (see <see cref="ServiceEndpoint.Port"/>).</param>
/// <param name="ClockControl">Serve <c>/control/clock</c> (off by default: it lets anyone skew the service's clock).</param>
public sealed record HttpEndpointOptions(string Listen = "127.0.0.1:0", bool ClockControl = false)
{
    /// <summary>Splits <see cref="Listen"/>; a malformed value throws naming it.</summary>
    public (System.Net.IPAddress Address, int Port) Parse()
    {
        var colon = Listen.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(Listen.AsSpan(colon + 1), out var port) || port is < 0 or > 65535)
            throw new FormatException($"HTTP listen address '{Listen}' is not HOST:PORT (port 0-65535)");
        var host = Listen[..colon].Trim('[', ']');
        if (host is "*" or "+")
            return (System.Net.IPAddress.Any, port);
        if (host == "localhost")
            return (System.Net.IPAddress.Loopback, port);
        if (!System.Net.IPAddress.TryParse(host, out var address))
            throw new FormatException($"HTTP listen address '{Listen}': '{host}' is not an IP address (use 0.0.0.0 for all)");
        return (address, port);
    }
}
