using Akka.Streams.Dsl;
using Confluent.Kafka;
using HeuristicsBench.KafkaStreams.Tests.Support;

namespace HeuristicsBench.KafkaStreams.Tests;

public sealed class RestoreOnAssignTests
{
    [Fact]
    public async Task Seeking_when_the_assignment_arrives_makes_every_partition_start_at_the_restored_offset()
    {
        await using var context = KafkaTestContext.Start();
        context.CreateTopic("restore", 3);
        await context.ProduceAsync("restore", 300);
        var restored = new Dictionary<int, long> { [0] = 15, [1] = 40, [2] = 0 };
        KafkaConsumerControl? control = null;
        var seeks = new List<Task>();

        // the stage reacting to the assignment is fused with the source, as the README asks
        var records = new System.Collections.Concurrent.ConcurrentQueue<KafkaRecord>();
        var (materialized, _) = KafkaConsumerSource.Create(context.ConsumerSettings("restore-group", "restore", "restore-1", maxBatchSize: 500))
            .MapMaterializedValue(c => control = c)
            .Select(e =>
            {
                if (e is PartitionsAssigned assigned)
                {
                    seeks.AddRange(assigned.Partitions.Select(p => control!.SeekAsync(new TopicPartitionOffset(p, restored[p.Partition.Value]))));
                }

                return e;
            })
            .ToMaterialized(Sink.ForEach<KafkaConsumerEvent>(e => { if (e is KafkaRecord r) { records.Enqueue(r); } }), Keep.Both)
            .Run(context.Materializer);

        var ends = context.Broker.Topics.Get("restore")!.Partitions.ToDictionary(p => p.Partition, p => p.LogEndOffset);
        Assert.All(restored, r => Assert.True(ends[r.Key] > r.Value + 1, "every partition has records after the restored offset"));
        long expected = ends.Sum(e => e.Value - restored[e.Key]);
        await Eventually.WaitAsync(() => records.Count >= expected, "records from the restored offsets to the ends", limitSeconds: 60);
        await Task.WhenAll(seeks);
        Assert.Equal(expected, records.Count);
        foreach (var partition in records.GroupBy(r => r.Partition))
        {
            var offsets = partition.Select(r => r.Offset).ToList();
            Assert.Equal(restored[partition.Key], offsets[0]);
            Assert.Equal(Enumerable.Range((int)offsets[0], offsets.Count).Select(o => (long)o), offsets);
        }

        materialized.Stop();
        await materialized.Completion;
    }
}
