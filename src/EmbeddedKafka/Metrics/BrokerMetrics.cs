using System.Globalization;
using EmbeddedKafka.Groups;
using EmbeddedKafka.Storage;
using Prometheus;

namespace EmbeddedKafka.Metrics;

/// <summary>
/// Prometheus metrics of one broker, in its own registry (so several brokers can live in one process).
/// Traffic counters are per topic; offsets, committed offsets and lag are computed at scrape time and use
/// kafka_exporter's names and labels, so the same PromQL works against this broker and a real cluster:
/// kafka_topic_partition_current_offset, kafka_topic_partition_oldest_offset, kafka_topic_partitions,
/// kafka_consumergroup_current_offset, kafka_consumergroup_lag (log end offset minus committed offset),
/// kafka_consumergroup_members.
/// </summary>
public sealed class BrokerMetrics
{
    private static readonly string[] TopicLabel = ["topic"];
    private static readonly string[] PartitionLabels = ["topic", "partition"];
    private static readonly string[] GroupPartitionLabels = ["consumergroup", "topic", "partition"];
    private static readonly string[] GroupLabel = ["consumergroup"];

    private readonly object _refreshLock = new();
    private readonly Counter _bytesIn;
    private readonly Counter _bytesOut;
    private readonly Counter _messagesIn;
    private readonly Counter _messagesOut;
    private readonly Counter _requests;
    private readonly Counter _rejectedBatches;
    private readonly Gauge _connections;
    private readonly Gauge _currentOffset;
    private readonly Gauge _oldestOffset;
    private readonly Gauge _partitions;
    private readonly Gauge _groupOffset;
    private readonly Gauge _groupLag;
    private readonly Gauge _groupMembers;
    private HashSet<string[]> _lastSeries = new(LabelComparer.Instance);
    private TopicStore? _topics;
    private CommittedOffsetStore? _offsets;
    private GroupCoordinator? _groups;

    public BrokerMetrics()
    {
        Registry = Prometheus.Metrics.NewCustomRegistry();
        var factory = Prometheus.Metrics.WithCustomRegistry(Registry);
        _bytesIn = factory.CreateCounter("kafka_server_topic_bytes_in_total", "Record batch bytes appended, per topic.", TopicLabel);
        _bytesOut = factory.CreateCounter("kafka_server_topic_bytes_out_total", "Record batch bytes sent to fetchers, per topic.", TopicLabel);
        _messagesIn = factory.CreateCounter("kafka_server_topic_messages_in_total", "Records appended, per topic.", TopicLabel);
        _messagesOut = factory.CreateCounter("kafka_server_topic_messages_out_total", "Records sent to fetchers (whole batches), per topic.", TopicLabel);
        _requests = factory.CreateCounter("kafka_server_requests_total", "Requests handled, per API.", ["api"]);
        _rejectedBatches = factory.CreateCounter("kafka_server_rejected_batches_total", "Produced batches rejected, per topic and error.", ["topic", "error"]);
        _connections = factory.CreateGauge("kafka_server_connections", "Open client connections.");
        _currentOffset = factory.CreateGauge("kafka_topic_partition_current_offset", "Log end offset of a partition.", PartitionLabels);
        _oldestOffset = factory.CreateGauge("kafka_topic_partition_oldest_offset", "Log start offset of a partition.", PartitionLabels);
        _partitions = factory.CreateGauge("kafka_topic_partitions", "Number of partitions of a topic.", TopicLabel);
        _groupOffset = factory.CreateGauge("kafka_consumergroup_current_offset", "Committed offset of a group for a partition.", GroupPartitionLabels);
        _groupLag = factory.CreateGauge("kafka_consumergroup_lag", "Log end offset minus the group's committed offset.", GroupPartitionLabels);
        _groupMembers = factory.CreateGauge("kafka_consumergroup_members", "Members of a consumer group.", GroupLabel);
        Registry.AddBeforeCollectCallback(Refresh);
    }

    public CollectorRegistry Registry { get; }

    internal void Attach(TopicStore topics, CommittedOffsetStore offsets, GroupCoordinator groups)
    {
        _topics = topics;
        _offsets = offsets;
        _groups = groups;
    }

    internal void RecordProduced(string topic, int bytes, int records)
    {
        _bytesIn.WithLabels(topic).Inc(bytes);
        _messagesIn.WithLabels(topic).Inc(records);
    }

    internal void RecordFetched(string topic, int bytes, int records)
    {
        if (bytes > 0)
        {
            _bytesOut.WithLabels(topic).Inc(bytes);
            _messagesOut.WithLabels(topic).Inc(records);
        }
    }

    internal void RecordRejected(string topic, string error) => _rejectedBatches.WithLabels(topic, error).Inc();

    internal void RecordRequest(string api) => _requests.WithLabels(api).Inc();

    internal void ConnectionOpened() => _connections.Inc();

    internal void ConnectionClosed() => _connections.Dec();

    /// <summary>Writes the text exposition format (what /metrics serves).</summary>
    public async Task<string> ScrapeAsync(CancellationToken cancellationToken = default)
    {
        using var stream = new MemoryStream();
        await Registry.CollectAndExportAsTextAsync(stream, cancellationToken).ConfigureAwait(false);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private void Refresh()
    {
        if (_topics is null || _offsets is null || _groups is null)
        {
            return;
        }

        lock (_refreshLock)
        {
            var series = new HashSet<string[]>(LabelComparer.Instance);
            var endOffsets = new Dictionary<TopicPartition, long>();
            foreach (var topic in _topics.Topics)
            {
                Set(series, _partitions, topic.Partitions.Count, "p", topic.Name);
                foreach (var log in topic.Partitions)
                {
                    string partition = log.Partition.ToString(CultureInfo.InvariantCulture);
                    endOffsets[new TopicPartition(topic.Name, log.Partition)] = log.LogEndOffset;
                    Set(series, _currentOffset, log.LogEndOffset, "c", topic.Name, partition);
                    Set(series, _oldestOffset, log.LogStartOffset, "o", topic.Name, partition);
                }
            }

            foreach (var group in _groups.List())
            {
                Set(series, _groupMembers, group.Members.Count, "m", group.GroupId);
                foreach (var (tp, committed) in _offsets.GetAll(group.GroupId))
                {
                    string partition = tp.Partition.ToString(CultureInfo.InvariantCulture);
                    Set(series, _groupOffset, committed.Offset, "g", group.GroupId, tp.Topic, partition);
                    if (endOffsets.TryGetValue(tp, out long end))
                    {
                        Set(series, _groupLag, Math.Max(0, end - committed.Offset), "l", group.GroupId, tp.Topic, partition);
                    }
                }
            }

            foreach (var stale in _lastSeries)
            {
                if (!series.Contains(stale))
                {
                    Gauge gauge = stale[0] switch
                    {
                        "p" => _partitions,
                        "c" => _currentOffset,
                        "o" => _oldestOffset,
                        "m" => _groupMembers,
                        "g" => _groupOffset,
                        _ => _groupLag,
                    };
                    gauge.RemoveLabelled(stale[1..]);
                }
            }

            _lastSeries = series;
        }
    }

    private static void Set(HashSet<string[]> series, Gauge gauge, double value, string kind, params string[] labels)
    {
        gauge.WithLabels(labels).Set(value);
        series.Add([kind, .. labels]);
    }
}
