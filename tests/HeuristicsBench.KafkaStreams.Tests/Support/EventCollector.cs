using System.Collections.Concurrent;
using Akka.Streams.Dsl;
using Confluent.Kafka;

namespace HeuristicsBench.KafkaStreams.Tests.Support;

/// <summary>Runs a consumer source into an always-pulling sink and keeps every element, in order.</summary>
public sealed class EventCollector
{
    private readonly ConcurrentQueue<KafkaConsumerEvent> events = new();

    public EventCollector(KafkaTestContext context, KafkaConsumerSettings settings)
    {
        var (control, done) = KafkaConsumerSource.Create(settings)
            .ToMaterialized(Sink.ForEach<KafkaConsumerEvent>(events.Enqueue), Akka.Streams.Dsl.Keep.Both)
            .Run(context.Materializer);
        Control = control;
        StreamDone = done;
    }

    public KafkaConsumerControl Control { get; }

    public Task StreamDone { get; }

    public IReadOnlyList<KafkaConsumerEvent> Events => events.ToArray();

    public IReadOnlyList<KafkaRecord> Records => events.OfType<KafkaRecord>().ToList();

    /// <summary>Partitions held after replaying the lifecycle events seen so far.</summary>
    public IReadOnlySet<int> Owned
    {
        get
        {
            var owned = new HashSet<int>();
            foreach (var e in events)
            {
                switch (e)
                {
                    case PartitionsAssigned a:
                        owned.UnionWith(a.Partitions.Select(p => p.Partition.Value));
                        break;
                    case PartitionsRevoked r:
                        owned.ExceptWith(r.Partitions.Select(p => p.Partition.Value));
                        break;
                    case PartitionsLost l:
                        owned.ExceptWith(l.Partitions.Select(p => p.Partition.Value));
                        break;
                }
            }

            return owned;
        }
    }

    /// <summary>Every record comes after an assignment of its partition that no revocation has undone yet.</summary>
    public void AssertRecordsFollowAssignment()
    {
        var owned = new HashSet<TopicPartition>();
        foreach (var e in events)
        {
            switch (e)
            {
                case PartitionsAssigned a:
                    owned.UnionWith(a.Partitions);
                    break;
                case PartitionsRevoked r:
                    owned.ExceptWith(r.Partitions.Select(p => p.TopicPartition));
                    break;
                case KafkaRecord record:
                    Assert.True(owned.Contains(record.TopicPartition), $"record {record.Partition}@{record.Offset} before its partition was assigned");
                    break;
            }
        }
    }
}
