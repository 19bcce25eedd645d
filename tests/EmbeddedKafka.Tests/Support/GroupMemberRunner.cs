using System.Collections.Concurrent;
using Confluent.Kafka;

namespace EmbeddedKafka.Tests.Support;

/// <summary>
/// A consumer-group member on its own thread: consumes small batches and commits them synchronously; a
/// message counts as consumed only once its offset commit succeeded, so "every message consumed once" is
/// checked against what the group actually committed.
/// </summary>
public sealed class GroupMemberRunner : IDisposable
{
    private readonly IConsumer<string, string> _consumer;
    private readonly ConcurrentDictionary<(int Partition, long Offset), string> _consumed;
    private readonly ConcurrentBag<(int Partition, long Offset)> _duplicates;
    private readonly CancellationTokenSource _stop = new();
    private readonly string _topic;
    private Task? _loop;
    private volatile int[] _assignment = [];

    public GroupMemberRunner(
        string bootstrap, string groupId, string topic, string clientId,
        ConcurrentDictionary<(int, long), string> consumed, ConcurrentBag<(int, long)> duplicates)
    {
        ClientId = clientId;
        _topic = topic;
        _consumed = consumed;
        _duplicates = duplicates;
        var config = new ConsumerConfig
        {
            BootstrapServers = bootstrap,
            GroupId = groupId,
            ClientId = clientId,
            EnableAutoCommit = false,
            AutoOffsetReset = AutoOffsetReset.Earliest,
            SessionTimeoutMs = 3000,
            HeartbeatIntervalMs = 300,
            FetchWaitMaxMs = 50,
            PartitionAssignmentStrategy = PartitionAssignmentStrategy.Range,
        };
        _consumer = new ConsumerBuilder<string, string>(config)
            .SetPartitionsAssignedHandler((_, partitions) => { _assignment = [.. partitions.Select(p => p.Partition.Value).Order()]; })
            .SetPartitionsRevokedHandler((_, _) => { _assignment = []; })
            .SetPartitionsLostHandler((_, _) => { _assignment = []; })
            .Build();
    }

    public string ClientId { get; }

    public IReadOnlyList<int> Assignment => _assignment;

    public void Start()
    {
        _consumer.Subscribe(_topic);
        _loop = Task.Factory.StartNew(Loop, TaskCreationOptions.LongRunning);
    }

    private void Loop()
    {
        var batch = new List<ConsumeResult<string, string>>();
        while (!_stop.IsCancellationRequested)
        {
            batch.Clear();
            while (batch.Count < 200 && _consumer.Consume(TimeSpan.FromMilliseconds(50)) is { } result)
            {
                batch.Add(result);
            }

            if (batch.Count == 0)
            {
                continue;
            }

            List<TopicPartitionOffset> committed;
            try
            {
                committed = _consumer.Commit();
            }
            catch (TopicPartitionOffsetException e)
            {
                committed = [.. e.Results.Where(r => !r.Error.IsError).Select(r => r.TopicPartitionOffset)];
            }
            catch (KafkaException)
            {
                committed = [];
            }

            var upTo = committed.ToDictionary(c => c.Partition.Value, c => c.Offset.Value);
            foreach (var result in batch)
            {
                if (upTo.TryGetValue(result.Partition.Value, out long end) && result.Offset.Value < end &&
                    !_consumed.TryAdd((result.Partition.Value, result.Offset.Value), ClientId))
                {
                    _duplicates.Add((result.Partition.Value, result.Offset.Value));
                }
            }
        }
    }

    /// <summary>Stops consuming and committing (the member is frozen; its client keeps running).</summary>
    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        if (_loop is not null)
        {
            await _loop;
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _loop?.Wait();
        _consumer.Close();
        _consumer.Dispose();
        _stop.Dispose();
    }
}
