using Akka;
using Akka.Streams.Dsl;
using Confluent.Kafka;
using HeuristicsBench.KafkaStreams.Tests.Support;

namespace HeuristicsBench.KafkaStreams.Tests;

public sealed class ProduceAndConsumeTests
{
    [Fact]
    public async Task Producer_flow_results_carry_offsets_and_the_source_reads_every_record_back_in_partition_order()
    {
        const int count = 600;
        await using var context = KafkaTestContext.Start();
        context.CreateTopic("events", 4);

        var results = await Source.From(Enumerable.Range(0, count))
            .Select(i => new ProducerMessage<int>("events", Codec.Message(i, 37), i))
            .Via(KafkaProducerFlow.Create<int>(context.Producer(), new KafkaProducerSettings { Parallelism = 50 }))
            .RunWith(Sink.Seq<ProducerResult<int>>(), context.Materializer);

        // every element comes back, in input order, with its broker offset; offsets of a partition are 0, 1, 2, ...
        Assert.Equal(Enumerable.Range(0, count), results.Select(r => r.PassThrough));
        Assert.All(results, r => Assert.Equal(PersistenceStatus.Persisted, r.Delivery.Status));
        var byPartition = results.GroupBy(r => r.Delivery.Partition.Value).ToDictionary(g => g.Key, g => g.ToList());
        Assert.True(byPartition.Count >= 3, "keys spread over several partitions");
        foreach (var (_, delivered) in byPartition)
        {
            Assert.Equal(Enumerable.Range(0, delivered.Count).Select(o => (long)o), delivered.Select(r => r.Delivery.Offset.Value));
        }

        var reader = new EventCollector(context, context.ConsumerSettings("reader", "events", "reader-1", maxBatchSize: 32));
        await Eventually.WaitAsync(() => reader.Records.Count >= count, "all records read back");
        reader.Control.Stop();
        await reader.StreamDone;
        await reader.Control.Completion;

        var records = reader.Records;
        Assert.Equal(count, records.Count);
        foreach (var (partition, delivered) in byPartition)
        {
            var read = records.Where(r => r.Partition == partition).ToList();
            Assert.Equal(delivered.Select(d => d.Delivery.Offset.Value), read.Select(r => r.Offset));
            Assert.Equal(delivered.Select(d => d.PassThrough), read.Select(Codec.Value));
            Assert.All(read, r => Assert.StartsWith("case-", System.Text.Encoding.UTF8.GetString(r.Key!), StringComparison.Ordinal));
        }

        Assert.IsType<PartitionsAssigned>(reader.Events[0]);
        reader.AssertRecordsFollowAssignment();
    }

    [Fact]
    public async Task Producer_sink_completes_after_every_delivery()
    {
        await using var context = KafkaTestContext.Start();
        context.CreateTopic("sunk", 2);

        Done done = await Source.From(Enumerable.Range(0, 100))
            .Select(i => new ProducerMessage<NotUsed>("sunk", Codec.Message(i, 5), NotUsed.Instance) { Partition = i % 2 })
            .RunWith(KafkaProducerSink.Create<NotUsed>(context.Producer(), new KafkaProducerSettings { Parallelism = 8 }), context.Materializer);
        Assert.Equal(Done.Instance, done);

        var reader = new EventCollector(context, context.ConsumerSettings("sunk-reader", "sunk", "sunk-reader-1"));
        await Eventually.WaitAsync(() => reader.Records.Count >= 100, "all sunk records read back");
        reader.Control.Stop();
        await reader.Control.Completion;
        Assert.Equal(50, reader.Records.Count(r => r.Partition == 0));
        Assert.Equal(Enumerable.Range(0, 50).Select(i => 2 * i), reader.Records.Where(r => r.Partition == 0).Select(Codec.Value));
    }

    [Fact]
    public async Task The_producer_flow_takes_no_more_than_parallelism_elements_ahead_of_its_results()
    {
        const int parallelism = 20;
        await using var context = KafkaTestContext.Start();
        context.CreateTopic("bounded", 2);
        int taken = 0;

        var queue = Source.From(Enumerable.Range(0, 1000))
            .Select(i =>
            {
                Interlocked.Increment(ref taken);
                return new ProducerMessage<int>("bounded", Codec.Message(i, 7), i);
            })
            .Via(KafkaProducerFlow.Create<int>(context.Producer(), new KafkaProducerSettings { Parallelism = parallelism }))
            .RunWith(Sink.Queue<ProducerResult<int>>().WithAttributes(Akka.Streams.Attributes.CreateInputBuffer(1, 1)), context.Materializer);

        var first = new List<int>();
        for (int i = 0; i < 5; i++)
        {
            first.Add((await queue.PullAsync()).Value.PassThrough);
        }

        // every message in flight gets delivered meanwhile; the flow still must not take more from upstream
        await Task.Delay(500, TestContext.Current.CancellationToken);
        int pulledResults = first.Count;
        Assert.True(Volatile.Read(ref taken) <= pulledResults + 1 + parallelism + 1, $"took {taken} elements for {pulledResults} results pulled");

        var all = new List<int>(first);
        while (all.Count < 1000)
        {
            all.Add((await queue.PullAsync()).Value.PassThrough);
        }

        Assert.Equal(Enumerable.Range(0, 1000), all);
    }

    [Fact]
    public async Task A_failed_delivery_fails_the_stream_and_no_result_follows_it()
    {
        await using var context = KafkaTestContext.Start();
        context.CreateTopic("small", 1);
        var oversized = new Message<byte[]?, byte[]?> { Key = null, Value = new byte[2 * 1024 * 1024] };
        var emitted = new List<int>();

        var run = Source.From(Enumerable.Range(0, 6))
            .Select(i => new ProducerMessage<int>("small", i == 3 ? oversized : Codec.Message(i, 1), i))
            .Via(KafkaProducerFlow.Create<int>(context.Producer(), new KafkaProducerSettings { Parallelism = 1 }))
            .RunWith(Sink.ForEach<ProducerResult<int>>(r => emitted.Add(r.PassThrough)), context.Materializer);

        await Assert.ThrowsAnyAsync<KafkaException>(() => run);
        Assert.Equal([0, 1, 2], emitted);
    }
}
