using System.Net;
using System.Net.Sockets;

namespace ChaosRunner.Run.Processes;

/// <summary>Free TCP ports on 127.0.0.1, for listeners that must keep their port across restarts of their process.</summary>
public static class FreePorts
{
    /// <summary><paramref name="count"/> distinct ports (all held open together while they are picked).</summary>
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
