using ChaosRunner.Run.Processes;

namespace ChaosRunner.Run.Local;

/// <summary>
/// The fixed ports of one run (kept across restarts of any process): the broker's main listener (the runner's own
/// unfaulted connection), one broker listener per client advertising that client's fault proxy, the proxies, and
/// the services' HTTP endpoints.
/// </summary>
public sealed record ClusterPorts(int Broker, int BrokerForMiner, int BrokerForGenerator, int MinerProxy, int GeneratorProxy, int MinerHttp, int GeneratorHttp)
{
    public static ClusterPorts Pick()
    {
        var p = FreePorts.Take(7);
        return new ClusterPorts(p[0], p[1], p[2], p[3], p[4], p[5], p[6]);
    }

    public string BrokerBootstrap => $"127.0.0.1:{Broker}";
}
