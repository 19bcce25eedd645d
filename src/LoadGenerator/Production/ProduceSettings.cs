using LoadGenerator.Streams;

namespace LoadGenerator.Production;

/// <summary>Everything one <c>produce</c> run needs.</summary>
/// <param name="Stream">Model, seed, noise, drift, pacing, replay (as for <c>generate</c>).</param>
/// <param name="Bootstrap">Kafka bootstrap servers, HOST:PORT[,HOST:PORT...].</param>
/// <param name="TruthTopic">Topic for the ground truth (key = <paramref name="Topic"/>); null publishes none.</param>
/// <param name="Events">Stop after this many events; null: no limit.</param>
/// <param name="Duration">Stop taking new events after this long; null: no limit.</param>
/// <param name="MaxInFlight">Most events handed to the producer and not yet acknowledged; beyond it pacing waits.</param>
/// <param name="GroundTruth">File for the ground truth (written atomically), or null.</param>
/// <param name="Http">HOST:PORT of the /metrics, /healthz, /readyz endpoint (port 0: any free port).</param>
/// <param name="ClockControl">Serve /control/clock, which skews the clock that stamps emittedAt.</param>
/// <param name="DrainTimeout">How long a stop waits for in-flight events to be acknowledged.</param>
/// <param name="KafkaConfig">Extra librdkafka properties (name → value), applied after ours.</param>
/// <param name="Verbose">Copy librdkafka's log lines to standard error.</param>
public sealed record ProduceSettings(
    StreamSpec Stream,
    string Bootstrap,
    string Topic,
    string? TruthTopic,
    long? Events,
    TimeSpan? Duration,
    int MaxInFlight,
    string? GroundTruth,
    string Http,
    bool ClockControl,
    TimeSpan DrainTimeout,
    IReadOnlyDictionary<string, string> KafkaConfig,
    string ClientId,
    bool Quiet,
    bool Verbose = false);
