using System.Text.Json;
using Confluent.Kafka;

namespace ChaosRunner.Run.Measurement;

/// <summary>
/// Reads the model topic from the beginning on a thread of its own (over the broker's unfaulted main listener) and
/// keeps every model message with its arrival time. Survives broker restarts (librdkafka reconnects).
/// </summary>
public sealed class ModelWatcher : IDisposable
{
    private readonly List<ObservedModel> _models = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Thread _thread;
    private readonly string _bootstrap;
    private readonly string _topic;

    public ModelWatcher(string bootstrap, string topic)
    {
        _bootstrap = bootstrap;
        _topic = topic;
        _thread = new Thread(Loop) { IsBackground = true, Name = "model-watcher" };
        _thread.Start();
    }

    public ObservedModel? Latest
    {
        get
        {
            lock (_models)
                return _models.Count == 0 ? null : _models[^1];
        }
    }

    public IReadOnlyList<ObservedModel> All
    {
        get
        {
            lock (_models)
                return [.. _models];
        }
    }

    private void Loop()
    {
        using var consumer = new ConsumerBuilder<byte[]?, byte[]?>(new ConsumerConfig
        {
            BootstrapServers = _bootstrap,
            GroupId = "heuristics-bench-model-watcher",
            EnableAutoCommit = false,
            AutoOffsetReset = AutoOffsetReset.Earliest,
            TopicMetadataRefreshIntervalMs = 1000,
            FetchWaitMaxMs = 100,
            ReconnectBackoffMaxMs = 1000,
        }).SetErrorHandler((_, _) => { }).SetLogHandler((_, _) => { }).Build();
        consumer.Assign(new TopicPartitionOffset(_topic, 0, Offset.Beginning));
        while (!_stop.IsCancellationRequested)
        {
            ConsumeResult<byte[]?, byte[]?>? result;
            try
            {
                result = consumer.Consume(200);
            }
            catch (ConsumeException)
            {
                Thread.Sleep(200);
                continue;
            }
            if (result?.Message?.Value is not { Length: > 0 } value)
                continue;
            if (TryRead(value, out var offsets, out var events))
            {
                lock (_models)
                    _models.Add(new ObservedModel(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0, offsets, events, value));
            }
        }
        consumer.Close();
    }

    public static bool TryRead(byte[] json, out IReadOnlyDictionary<int, long> offsets, out long eventsProcessed)
    {
        offsets = new Dictionary<int, long>();
        eventsProcessed = 0;
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (!root.TryGetProperty("offsets", out var o) || o.ValueKind != JsonValueKind.Object)
                return false;
            var map = new Dictionary<int, long>();
            foreach (var p in o.EnumerateObject())
                map[int.Parse(p.Name, System.Globalization.CultureInfo.InvariantCulture)] = p.Value.GetInt64();
            offsets = map;
            if (root.TryGetProperty("eventsProcessed", out var e) && e.ValueKind == JsonValueKind.Number)
                eventsProcessed = e.GetInt64();
            return true;
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _thread.Join(TimeSpan.FromSeconds(10));
        _stop.Dispose();
    }
}
