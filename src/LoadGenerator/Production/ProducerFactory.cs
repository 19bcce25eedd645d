using Confluent.Kafka;
using HeuristicsBench.ServiceHost;

namespace LoadGenerator.Production;

/// <summary>The Confluent producer of <c>produce</c>: configured so that a broker outage neither loses nor duplicates events.</summary>
public static class ProducerFactory
{
    /// <summary>
    /// librdkafka properties that carry the delivery guarantee or are set from our own options, so <c>--kafka-config</c>
    /// may not change them.
    /// </summary>
    public static readonly IReadOnlySet<string> Reserved = new HashSet<string>(StringComparer.Ordinal)
    {
        "bootstrap.servers", "metadata.broker.list", "client.id", "enable.idempotence", "acks", "request.required.acks",
        "message.timeout.ms", "delivery.timeout.ms", "enable.gapless.guarantee", "queue.buffering.max.messages",
        "transactional.id",
    };

    public static ProducerConfig Config(ProduceSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var config = new ProducerConfig
        {
            BootstrapServers = settings.Bootstrap,
            ClientId = settings.ClientId,
            // No loss and no duplicates through a broker outage:
            // - Idempotence (which also means acks=all, retries=INT32_MAX and at most 5 requests in flight per
            //   connection): each batch carries the producer id and per-partition sequence numbers, so a batch that
            //   librdkafka re-sends after a lost connection or a broker restart is recognised by the broker (answered,
            //   not written again) and a partition's order is kept.
            // - message.timeout.ms (alias delivery.timeout.ms) = 0, which librdkafka documents as infinite. Its default,
            //   300 s, would make a longer outage fail messages: queued ones with ERR__MSG_TIMED_OUT and status
            //   NotPersisted (a gap in the stream), in-flight ones as PossiblyPersisted (maybe written, maybe not). An
            //   application could then only drop them or send them again at the risk of a duplicate. With no timeout a
            //   message stays queued and is retried until the broker acknowledges it. What waits is bounded by us
            //   instead (--max-in-flight, the producer flow's parallelism): beyond it pacing is back-pressured, and
            //   the outage is reported.
            // - enable.gapless.guarantee: a batch that fails for good (e.g. too large) raises a fatal error and fails
            //   everything queued after it instead of letting later events through after a hole; the run then ends
            //   with the failure named. (librdkafka marks it experimental; timeouts are not covered, and we have none.)
            // - queue.buffering.max.messages above the in-flight bound, so Produce never refuses with a full queue.
            EnableIdempotence = true,
            Acks = Acks.All,
            MessageTimeoutMs = 0,
            EnableGaplessGuarantee = true,
            QueueBufferingMaxMessages = Math.Max(settings.MaxInFlight + 16, 100_000),
            LingerMs = 5,
            // librdkafka backs off up to 10 s between reconnects by default; after an outage we want the broker back
            // within a second of it returning.
            ReconnectBackoffMaxMs = 1000,
            // Only the partition and offset of a delivery report are used; not copying key and value back is faster.
            DeliveryReportFields = "status",
        };
        foreach (var (name, value) in settings.KafkaConfig)
            config.Set(name, value);
        return config;
    }

    /// <summary>
    /// Builds the producer with handlers that count client errors, mark the service not ready while every broker is
    /// down, and keep librdkafka's log lines off standard error unless <paramref name="verbose"/> (the outage warning
    /// quotes the latest error instead of a connection-refused line every second).
    /// </summary>
    public static IProducer<byte[]?, byte[]?> Build(
        ProducerConfig config, ClientEvents events, ProduceMetrics metrics, ServiceHealth health, TextWriter stderr, bool verbose)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(health);
        ArgumentNullException.ThrowIfNull(stderr);
        return new ProducerBuilder<byte[]?, byte[]?>(config)
            .SetErrorHandler((_, error) =>
            {
                events.OnError(error.IsFatal ? $"fatal: {error.Reason} ({error.Code})" : error.Reason, error.IsFatal);
                metrics.ClientErrors.Inc();
                if (error.Code == ErrorCode.Local_AllBrokersDown)
                    health.SetReady(false, "all brokers down: " + error.Reason);
            })
            .SetLogHandler((_, log) =>
            {
                if (verbose)
                    stderr.WriteLine($"librdkafka {log.Level} {log.Facility}: {log.Message}");
            })
            .Build();
    }
}
