using System.Globalization;

namespace HeuristicsBench.FaultProxy;

/// <summary>A HOST:PORT pair as Toxiproxy writes listen and upstream addresses ([v6]:PORT for IPv6 literals).</summary>
public readonly record struct HostPort(string Host, int Port)
{
    public static HostPort Parse(string text, string what)
    {
        ArgumentNullException.ThrowIfNull(text);
        int colon = text.LastIndexOf(':');
        if (colon <= 0 || colon == text.Length - 1
            || !int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int port) || port > 65535)
            throw new FaultProxyException(FaultProxyErrorKind.BadRequest, $"{what} must be HOST:PORT, got '{text}'");
        string host = text[..colon];
        if (host.StartsWith('[') && host.EndsWith(']'))
            host = host[1..^1];
        return new HostPort(host, port);
    }

    public override string ToString() =>
        (Host.Contains(':', StringComparison.Ordinal) ? "[" + Host + "]" : Host) + ":" + Port.ToString(CultureInfo.InvariantCulture);
}
