using Akka.Actor;
using Akka.Configuration;
using Akka.Streams;
using Akka.Streams.Dsl;
using Confluent.Kafka;
using HeuristicsBench.KafkaStreams;
using HeuristicsBench.ServiceHost;
using HeuristicsMiner.Checkpoints;
using Prometheus;

namespace HeuristicsMiner.Serving;

/// <summary>
/// Runs the miner service until <c>stop</c> is cancelled (SIGTERM) or it fails: HTTP endpoint, producer, consumer
/// source fused with <see cref="MinerStage"/>. A stop takes final checkpoints and publishes the final model, then
/// the consumer leaves the group. Returns 0 after a clean stop, 1 after a failure (reason logged).
/// </summary>
public static class MinerService
{
    public static async Task<int> RunAsync(ServeSettings settings, ICheckpointStore store, Action<string> log,
        CancellationToken stop, Action<ServiceEndpoint>? started = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(log);
        var clock = new AdjustableClock();
        var registry = Metrics.NewCustomRegistry();
        var metrics = new MinerMetrics(registry);
        var health = new ServiceHealth();
        var miner = new PartitionedMiner(settings.Summary, settings.Thresholds, settings.MaxEventBytes);

        ServiceEndpoint startedEndpoint;
        try
        {
            startedEndpoint = await ServiceEndpoint.StartAsync(settings.Http, registry, health, clock, cancellation: stop).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            log("stopped before the HTTP endpoint was up");
            return 0;
        }
        await using var endpoint = startedEndpoint;
        log($"http on {endpoint.BaseAddress} (/metrics /healthz /readyz{(settings.Http.ClockControl ? " /control/clock" : "")})");
        started?.Invoke(endpoint);

        IProducer<byte[]?, byte[]?> built;
        try
        {
            built = new ProducerBuilder<byte[]?, byte[]?>(ProducerConfig(settings))
                .SetErrorHandler((_, e) => log($"producer: {e.Reason}"))
                .SetLogHandler((_, m) => { if (m.Level <= SyslogLevel.Warning) log($"producer: {m.Message}"); })
                .Build();
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or KafkaException)
        {
            log($"error: the producer settings (--producer-config) are not valid: {e.Message}");
            return BadConfiguration;
        }
        using var producer = built;
        var output = new KafkaMinerOutput(producer, settings.ModelTopic, settings.DeadLetterTopic, settings.Group, settings.Instance, metrics, log);

        using var system = ActorSystem.Create("heuristics-miner", ConfigurationFactory.ParseString(
            "akka.loglevel = WARNING\nakka.stdout-loglevel = WARNING\nakka.log-dead-letters = off"));
        var materializer = system.Materializer();
        KafkaConsumerControl? control = null;
        var context = new MinerStageContext(miner, store, output, metrics, clock, () => control!, settings.Timings,
            settings.Payload, settings.Group, settings.Instance, health, log);
        var consumerSettings = new KafkaConsumerSettings(ConsumerConfig(settings), [settings.InputTopic])
        {
            MaxBatchSize = 1000,
            ErrorHandler = e => log($"consumer: {e.Reason}"),
            LogHandler = m => { if (m.Level <= SyslogLevel.Warning) log($"consumer: {m.Message}"); },
        };
        MinerStageHandle handle;
        try
        {
            handle = KafkaConsumerSource.Create(consumerSettings)
                .MapMaterializedValue(c => control = c)
                .ToMaterialized(Sink.FromGraph(new MinerStage(context)), Keep.Right)
                .Run(materializer);
        }
        catch (ArgumentException e)
        {
            log($"error: the consumer settings (--consumer-config) are not valid: {e.Message}");
            return BadConfiguration;
        }

        health.SetLive(true, "running");
        using (stop.Register(handle.RequestStop))
        {
            try
            {
                var summary = await handle.Completion.ConfigureAwait(false);
                log($"stopped: {summary.Valid} events counted, {summary.Invalid} dead-lettered, {summary.AlreadyReflected} re-deliveries skipped, " +
                    $"{summary.Emissions} models published, {summary.Checkpoints} checkpoints stored");
                if (!summary.FinalCheckpointsStored)
                {
                    log("error: not every final checkpoint was stored (see above); a restart re-reads from the previous ones");
                    await CloseAsync(control, producer, store, system, log).ConfigureAwait(false);
                    return 1;
                }
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                log($"error: {e.Message}");
                await CloseAsync(control, producer, store, system, log).ConfigureAwait(false);
                return 1;
            }
        }
        await CloseAsync(control, producer, store, system, log).ConfigureAwait(false);
        return 0;
    }

    /// <summary>Exit code for client settings librdkafka refuses (same as a bad option).</summary>
    private const int BadConfiguration = 2;

    private static async Task CloseAsync(KafkaConsumerControl? control, IProducer<byte[]?, byte[]?> producer,
        ICheckpointStore store, ActorSystem system, Action<string> log)
    {
        if (control is not null)
        {
            control.Stop();
            try
            {
                await control.Completion.WaitAsync(TimeSpan.FromSeconds(30)).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                log($"consumer close: {e.Message}");
            }
        }
        var left = producer.Flush(TimeSpan.FromSeconds(10));
        if (left > 0)
            log($"{left} model/dead-letter records were still undelivered at exit");
        await store.DisposeAsync().ConfigureAwait(false);
        await system.Terminate().ConfigureAwait(false);
    }

    private static ConsumerConfig ConsumerConfig(ServeSettings s)
    {
        var config = new ConsumerConfig
        {
            BootstrapServers = s.Bootstrap,
            GroupId = s.Group,
            ClientId = s.Instance,
            AutoOffsetReset = AutoOffsetReset.Earliest,
            EnableAutoCommit = false,
            // librdkafka otherwise waits up to 1 s before refetching a partition whose queue ran dry: halves throughput
            FetchQueueBackoffMs = 0,
            // A killed member keeps its partitions until its session expires (librdkafka's default is 45 s); 10 s lets a
            // restarted or surviving miner take over well within a 30 s outage. Must lie within the broker's bounds (6 s..).
            SessionTimeoutMs = 10_000,
            HeartbeatIntervalMs = 1_000,
        };
        foreach (var (key, value) in s.ConsumerConfig)
            config.Set(key, value);
        return config;
    }

    private static ProducerConfig ProducerConfig(ServeSettings s)
    {
        var config = new ProducerConfig
        {
            BootstrapServers = s.Bootstrap,
            ClientId = s.Instance,
            EnableIdempotence = true,
            Acks = Acks.All,
            LingerMs = 5,
        };
        foreach (var (key, value) in s.ProducerConfig)
            config.Set(key, value);
        return config;
    }
}
