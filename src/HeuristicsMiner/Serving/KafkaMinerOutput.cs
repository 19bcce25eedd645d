using System.Globalization;
using System.Text;
using Confluent.Kafka;
using HeuristicsBench.KafkaStreams;
using HeuristicsMiner.Checkpoints;

namespace HeuristicsMiner.Serving;

/// <summary>
/// Models and dead letters through one idempotent producer (owned by the caller). Models are keyed by
/// <c>group/instance</c> and carry the offsets they reflect in an <c>offsets</c> header; dead letters keep the
/// input's key and value and carry <c>dlq-reason</c>, <c>dlq-topic</c>, <c>dlq-partition</c>, <c>dlq-offset</c>
/// and <c>dlq-group</c> headers. Failed deliveries are counted and logged (at most one line a second per kind).
/// </summary>
public sealed class KafkaMinerOutput : IMinerOutput
{
    private readonly IProducer<byte[]?, byte[]?> _producer;
    private readonly string _modelTopic;
    private readonly string _deadLetterTopic;
    private readonly string _group;
    private readonly byte[] _modelKey;
    private readonly MinerMetrics _metrics;
    private readonly Action<string> _log;
    private readonly Action<DeliveryReport<byte[]?, byte[]?>> _onModel;
    private readonly Action<DeliveryReport<byte[]?, byte[]?>> _onDeadLetter;
    private long _lastModelError;
    private long _lastDeadLetterError;
    private long _lastHandOverError;

    public KafkaMinerOutput(IProducer<byte[]?, byte[]?> producer, string modelTopic, string deadLetterTopic,
        string group, string instance, MinerMetrics metrics, Action<string> log)
    {
        _producer = producer;
        _modelTopic = modelTopic;
        _deadLetterTopic = deadLetterTopic;
        _group = group;
        _modelKey = Encoding.UTF8.GetBytes($"{group}/{instance}");
        _metrics = metrics;
        _log = log;
        _onModel = r => Report(r, _metrics.EmissionErrors, ref _lastModelError, "model");
        _onDeadLetter = r => Report(r, _metrics.DeadLetterErrors, ref _lastDeadLetterError, "dead letter");
    }

    public void PublishModel(byte[] value, IReadOnlyDictionary<PartitionId, long> offsets)
    {
        var headers = new Headers { { "offsets", ModelMessageWriter.OffsetsJson(offsets) }, { "group", Encoding.UTF8.GetBytes(_group) } };
        Produce(_modelTopic, new Message<byte[]?, byte[]?> { Key = _modelKey, Value = value, Headers = headers }, _onModel, _metrics.EmissionErrors);
    }

    public void DeadLetter(KafkaRecord record, string reason)
    {
        ArgumentNullException.ThrowIfNull(record);
        var headers = new Headers
        {
            { "dlq-reason", Encoding.UTF8.GetBytes(reason) },
            { "dlq-topic", Encoding.UTF8.GetBytes(record.Topic) },
            { "dlq-partition", Encoding.UTF8.GetBytes(record.Partition.ToString(CultureInfo.InvariantCulture)) },
            { "dlq-offset", Encoding.UTF8.GetBytes(record.Offset.ToString(CultureInfo.InvariantCulture)) },
            { "dlq-group", Encoding.UTF8.GetBytes(_group) },
        };
        Produce(_deadLetterTopic, new Message<byte[]?, byte[]?> { Key = record.Key, Value = record.Value, Headers = headers }, _onDeadLetter, _metrics.DeadLetterErrors);
    }

    /// <summary>Hands the message over. When librdkafka's queue is full (the broker has been unreachable for a while)
    /// the message is counted as an error and dropped rather than blocking the stage.</summary>
    private void Produce(string topic, Message<byte[]?, byte[]?> message, Action<DeliveryReport<byte[]?, byte[]?>> onDelivered, Prometheus.Counter errors)
    {
        try
        {
            _producer.Produce(topic, message, onDelivered);
        }
        catch (ProduceException<byte[]?, byte[]?> e)
        {
            errors.Inc();
            var now = Environment.TickCount64;
            if (now - Interlocked.Read(ref _lastHandOverError) >= 1000)
            {
                Interlocked.Exchange(ref _lastHandOverError, now);
                _log($"could not hand a record for {topic} to the producer: {e.Error.Reason} (counted, dropped)");
            }
        }
    }

    private void Report(DeliveryReport<byte[]?, byte[]?> report, Prometheus.Counter errors, ref long lastLogged, string what)
    {
        if (report.Error.Code == ErrorCode.NoError)
            return;
        errors.Inc();
        var now = Environment.TickCount64;
        if (now - Interlocked.Read(ref lastLogged) < 1000)
            return;
        Interlocked.Exchange(ref lastLogged, now);
        _log($"{what} not delivered to {report.Topic}: {report.Error.Reason}");
    }
}
