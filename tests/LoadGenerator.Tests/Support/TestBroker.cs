using System.Net.Sockets;
using EmbeddedKafka.Server;
using EmbeddedKafka.Storage;

namespace LoadGenerator.Tests.Support;

/// <summary>
/// The embedded broker in this process on 127.0.0.1 (ephemeral port) with a data directory of its own, which can be
/// stopped and started again on the same port and directory, as a broker restart looks to a client.
/// </summary>
public sealed class TestBroker : IAsyncDisposable
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("hb-produce-broker-").FullName;
    private KafkaBroker? _broker;

    private TestBroker()
    {
    }

    public int Port { get; private set; }

    public string Bootstrap => $"127.0.0.1:{Port}";

    public KafkaBroker Broker => _broker ?? throw new InvalidOperationException("the broker is stopped");

    public static TestBroker Start()
    {
        var broker = new TestBroker();
        broker.Open(port: 0);
        return broker;
    }

    public void CreateTopic(string name, int partitions, int maxMessageBytes = 1048588) =>
        Assert.Equal(EmbeddedKafka.Protocol.ErrorCode.None, Broker.Topics.Create(name, new TopicConfig { Partitions = partitions, MaxMessageBytes = maxMessageBytes }));

    /// <summary>Records appended to the topic so far (0 if it does not exist).</summary>
    public long RecordCount(string topic) =>
        _broker?.Topics.Get(topic)?.Partitions.Sum(p => p.LogEndOffset) ?? 0;

    public async Task StopAsync()
    {
        if (_broker is { } broker)
        {
            _broker = null;
            await broker.DisposeAsync();
        }
    }

    /// <summary>A new broker on the same port and data directory (it recovers the logs and producer state from disk).</summary>
    public async Task StartAgainAsync()
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                Open(Port);
                return;
            }
            catch (SocketException) when (attempt < 100)
            {
                await Task.Delay(100); // the old listening socket may take a moment to be released
            }
        }
    }

    private void Open(int port)
    {
        var broker = new KafkaBroker(new BrokerOptions
        {
            Listeners = [new ListenerOptions { Port = port }],
            DataDirectory = _dataDirectory,
        });
        try
        {
            broker.Start();
        }
        catch
        {
            broker.DisposeAsync().AsTask().GetAwaiter().GetResult();
            throw;
        }
        _broker = broker;
        Port = broker.Listeners[0].LocalEndPoint.Port;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Directory.Delete(_dataDirectory, recursive: true);
    }
}
