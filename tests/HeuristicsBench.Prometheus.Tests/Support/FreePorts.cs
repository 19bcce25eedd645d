using System.Net;
using System.Net.Sockets;

namespace HeuristicsBench.Prometheus.Tests.Support;

/// <summary>Distinct free ports on 127.0.0.1 (held open together while picked) for servers that must be told their
/// port before they start.</summary>
public static class FreePorts
{
    public static int[] Take(int count)
    {
        var listeners = new List<TcpListener>(count);
        try
        {
            for (var i = 0; i < count; i++)
            {
                var listener = new TcpListener(IPAddress.Loopback, 0);
                listener.Start();
                listeners.Add(listener);
            }
            return [.. listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port)];
        }
        finally
        {
            foreach (var l in listeners)
                l.Stop();
        }
    }
}
