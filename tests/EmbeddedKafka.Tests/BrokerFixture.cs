using EmbeddedKafka.Groups;
using EmbeddedKafka.Server;

namespace EmbeddedKafka.Tests;

/// <summary>Starts an in-process broker on 127.0.0.1 with an ephemeral port and a temporary data directory.</summary>
public static class BrokerFixture
{
    public static KafkaBroker Start(Func<BrokerOptions, BrokerOptions>? configure = null, string? dataDirectory = null)
    {
        var options = new BrokerOptions
        {
            Listeners = [new ListenerOptions { Port = 0 }],
            DataDirectory = dataDirectory,
            Groups = new GroupCoordinatorOptions { MinSessionTimeoutMs = 1000, InitialRebalanceDelayMs = 0 },
        };
        if (configure is not null)
        {
            options = configure(options);
        }

        var broker = new KafkaBroker(options);
        broker.Start();
        return broker;
    }
}
