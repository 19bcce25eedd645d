using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using EmbeddedKafka.Groups;
using EmbeddedKafka.Metrics;
using EmbeddedKafka.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EmbeddedKafka.Server;

/// <summary>
/// A single-node broker speaking the Kafka wire protocol (non-flexible API versions) over TCP, for
/// unmodified Kafka clients. Start it with <see cref="Start"/>, point clients at
/// <see cref="BootstrapServers"/> (or at any listener's advertised address), stop it with
/// <see cref="DisposeAsync"/>.
/// </summary>
public sealed class KafkaBroker : IAsyncDisposable
{
    private readonly BrokerOptions _options;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<ClientConnection, Task> _connections = new();
    private readonly List<Socket> _listenSockets = [];
    private readonly List<Task> _loops = [];
    private readonly List<BoundListener> _bound = [];
    private readonly BlockedClients _blocked = new();
    private readonly bool _ownsDataDirectory;
    private BrokerContext? _context;
    private Prometheus.MetricServer? _metricServer;
    private bool _stopped;

    public KafkaBroker(BrokerOptions options, ILoggerFactory? loggerFactory = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Listeners.Count == 0)
        {
            throw new ArgumentException("at least one listener is needed", nameof(options));
        }

        _options = options;
        _loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        _logger = _loggerFactory.CreateLogger("EmbeddedKafka");
        _time = time ?? TimeProvider.System;
        _ownsDataDirectory = options.DataDirectory is null;
        DataDirectory = options.DataDirectory ??
            Path.Combine(Path.GetTempPath(), "embedded-kafka-" + Guid.NewGuid().ToString("N"));
        Metrics = new BrokerMetrics();
    }

    public string DataDirectory { get; }

    public BrokerMetrics Metrics { get; }

    public IReadOnlyList<BoundListener> Listeners => _bound;

    /// <summary>host:port advertised by the first listener.</summary>
    public string BootstrapServers => _bound.Count > 0 ? _bound[0].Advertised : throw new InvalidOperationException("not started");

    public TopicStore Topics => Context.Topics;

    public GroupCoordinator Groups => Context.Groups;

    public CommittedOffsetStore CommittedOffsets => Context.Offsets;

    private BrokerContext Context => _context ?? throw new InvalidOperationException("not started");

    /// <summary>Opens the data directory (recovering logs), binds every listener and starts serving.</summary>
    public void Start()
    {
        if (_context is not null)
        {
            throw new InvalidOperationException("already started");
        }

        Directory.CreateDirectory(DataDirectory);
        var topics = new TopicStore(DataDirectory, _logger);
        var offsets = new CommittedOffsetStore(Path.Combine(DataDirectory, "meta", "consumer-offsets.log"), _options.FlushOnAppend, _logger);
        var groups = new GroupCoordinator(_options.Groups, offsets, _time, _logger);
        var producerIds = new ProducerIdAllocator(Path.Combine(DataDirectory, "meta", "producer-id-block"), topics.MaxProducerId);
        Metrics.Attach(topics, offsets, groups);
        topics.TopicsChanged += name =>
        {
            if (!topics.TryGet(name, out _))
            {
                offsets.RemoveTopic(name);
            }
        };
        _context = new BrokerContext(_options, topics, offsets, groups, Metrics, producerIds, _time, _logger);

        foreach (var listener in _options.Listeners)
        {
            var socket = new Socket(listener.BindAddress.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                socket.Bind(new IPEndPoint(listener.BindAddress, listener.Port));
                socket.Listen(512);
            }
            catch
            {
                socket.Dispose();
                throw;
            }

            _listenSockets.Add(socket);
            var local = (IPEndPoint)socket.LocalEndPoint!;
            string advertisedHost = listener.AdvertisedHost ??
                (listener.BindAddress.Equals(IPAddress.Any) || listener.BindAddress.Equals(IPAddress.IPv6Any)
                    ? Dns.GetHostName()
                    : local.Address.ToString());
            var bound = new BoundListener(listener.Name, local, advertisedHost, listener.AdvertisedPort ?? local.Port);
            _bound.Add(bound);
            _logger.LogInformation("Listener {Name} on {Local}, advertised as {Advertised}", bound.Name, local, bound.Advertised);
            _loops.Add(Task.Run(() => AcceptLoopAsync(socket, bound)));
        }

        _loops.Add(Task.Run(MaintenanceLoopAsync));
        if (_options.MetricsPort is { } metricsPort)
        {
            _metricServer = new Prometheus.MetricServer(_options.MetricsHost, metricsPort, "metrics/", Metrics.Registry);
            _metricServer.Start();
            _logger.LogInformation("Metrics on http://{Host}:{Port}/metrics", _options.MetricsHost, metricsPort);
        }
    }

    private async Task AcceptLoopAsync(Socket listenSocket, BoundListener listener)
    {
        var token = _stopping.Token;
        while (!token.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await listenSocket.AcceptAsync(token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                if (token.IsCancellationRequested)
                {
                    return;
                }

                _logger.LogWarning("Accept failed on {Listener}: {Error}", listener.Name, e.Message);
                continue;
            }

            socket.NoDelay = true;
            var connection = new ClientConnection(socket, listener, Context, _blocked, token);
            _connections[connection] = Task.CompletedTask;
            var task = RunConnectionAsync(connection);
            _connections.TryUpdate(connection, task, Task.CompletedTask); // fails only if it already ended and was removed
        }
    }

    private async Task RunConnectionAsync(ClientConnection connection)
    {
        await Task.Yield();
        try
        {
            await connection.RunAsync().ConfigureAwait(false);
        }
#pragma warning disable CA1031 // a failing connection must never take the broker down; the error is logged
        catch (Exception e)
#pragma warning restore CA1031
        {
            _logger.LogError(e, "Connection from {Client} failed", connection.ClientId);
        }
        finally
        {
            _connections.TryRemove(connection, out _);
        }
    }

    private async Task MaintenanceLoopAsync()
    {
        var token = _stopping.Token;
        long nextRetention = _context!.NowMs + (long)_options.RetentionCheckInterval.TotalMilliseconds;
        while (!token.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(_options.GroupTickInterval, _time, token).ConfigureAwait(false);
                _context.Groups.Tick();
                long now = _context.NowMs;
                if (now >= nextRetention)
                {
                    nextRetention = now + (long)_options.RetentionCheckInterval.TotalMilliseconds;
                    int deleted = _context.Topics.ApplyRetention(now);
                    if (deleted > 0)
                    {
                        _logger.LogInformation("Retention deleted {Count} segments", deleted);
                    }
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }
#pragma warning disable CA1031 // the maintenance loop must survive a failed pass; the error is logged
            catch (Exception e)
#pragma warning restore CA1031
            {
                _logger.LogError(e, "Maintenance pass failed");
            }
        }
    }

    /// <summary>Runs a retention pass now (also done every <see cref="BrokerOptions.RetentionCheckInterval"/>).</summary>
    public int ApplyRetentionNow() => Context.Topics.ApplyRetention(Context.NowMs);

    /// <summary>Closes the client's connections and refuses its requests until <see cref="UnblockClient"/>.</summary>
    public void BlockClient(string clientId)
    {
        _blocked.Block(clientId);
        foreach (var connection in _connections.Keys)
        {
            if (connection.ClientId == clientId)
            {
                connection.Abort();
            }
        }
    }

    public void UnblockClient(string clientId) => _blocked.Unblock(clientId);

    /// <summary>Stops listening, closes connections, flushes and closes the logs.</summary>
    public async Task StopAsync()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_metricServer is not null)
        {
            await _metricServer.StopAsync().ConfigureAwait(false);
            _metricServer.Dispose();
        }

        foreach (var socket in _listenSockets)
        {
            socket.Dispose();
        }

        foreach (var connection in _connections.Keys)
        {
            connection.Abort();
        }

        await Task.WhenAll(_loops.Concat(_connections.Values)).ConfigureAwait(false);
        if (_context is not null)
        {
            _context.Topics.Flush();
            _context.Topics.Dispose();
            _context.Offsets.Dispose();
        }

        if (_ownsDataDirectory && Directory.Exists(DataDirectory))
        {
            Directory.Delete(DataDirectory, recursive: true);
        }

        _logger.LogInformation("Broker stopped");
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }
}
