using Akka.Streams;
using Akka.Streams.Dsl;
using Confluent.Kafka;
using HeuristicsBench.KafkaStreams.Tests.Support;

namespace HeuristicsBench.KafkaStreams.Tests;

public sealed class SeekAndCommitTests
{
    private static async Task<KafkaRecord> NextRecordAsync(ISinkQueue<KafkaConsumerEvent> queue)
    {
        while (true)
        {
            var next = await queue.PullAsync();
            Assert.True(next.HasValue, "the source completed early");
            if (next.Value is KafkaRecord record)
            {
                return record;
            }
        }
    }

    [Fact]
    public async Task Seek_to_the_committed_offset_drops_held_records_and_rereads_from_there()
    {
        await using var context = KafkaTestContext.Start();
        context.CreateTopic("seek", 1);
        await context.ProduceAsync("seek", 30);
        var partition = new TopicPartition("seek", 0);

        var (control, queue) = KafkaConsumerSource.Create(context.ConsumerSettings("seek-group", "seek", "seek-1", maxBatchSize: 256))
            .ToMaterialized(Sink.Queue<KafkaConsumerEvent>().WithAttributes(Attributes.CreateInputBuffer(1, 1)), Keep.Both)
            .Run(context.Materializer);
        for (int i = 0; i < 10; i++)
        {
            Assert.Equal(i, (await NextRecordAsync(queue)).Offset);
        }

        await control.CommitAsync([new TopicPartitionOffset(partition, 8)]);
        Assert.Equal(8, context.Broker.CommittedOffsets.Get("seek-group", new EmbeddedKafka.Storage.TopicPartition("seek", 0))?.Offset);

        // the stage holds records 10.. (one batch took the whole partition); the sink may hold one already emitted
        Assert.True(control.RecordsPolled > control.ElementsEmitted);
        await control.SeekAsync(new TopicPartitionOffset(partition, 8));
        var first = await NextRecordAsync(queue);
        if (first.Offset == 10)
        {
            first = await NextRecordAsync(queue);
        }

        var reread = new List<long> { first.Offset };
        for (int i = 0; i < 21; i++)
        {
            reread.Add((await NextRecordAsync(queue)).Offset);
        }

        Assert.Equal(Enumerable.Range(8, 22).Select(o => (long)o), reread);

        // at the end of the partition the source waits on the consumer; a seek still takes effect
        await control.SeekAsync(new TopicPartitionOffset(partition, 20));
        Assert.Equal(20, (await NextRecordAsync(queue)).Offset);
        Assert.Equal(21, (await NextRecordAsync(queue)).Offset);

        control.Stop();
        await control.Completion;
    }

    [Fact]
    public async Task A_record_taken_while_a_seek_is_under_way_is_not_emitted_after_the_seek()
    {
        await using var context = KafkaTestContext.Start();
        context.CreateTopic("race", 1);
        await context.ProduceAsync("race", 10);
        var partition = new TopicPartition("race", 0);
        var producer = context.Producer();

        var (control, queue) = KafkaConsumerSource.Create(context.ConsumerSettings("race-group", "race", "race-1", maxBatchSize: 1))
            .ToMaterialized(Sink.Queue<KafkaConsumerEvent>().WithAttributes(Attributes.CreateInputBuffer(1, 1)), Keep.Both)
            .Run(context.Materializer);
        long pulled = 0;
        async Task<KafkaRecord> Next()
        {
            while (true)
            {
                var next = await queue.PullAsync();
                pulled++;
                Assert.True(next.HasValue, "the source completed early");
                if (next.Value is KafkaRecord record)
                {
                    return record;
                }
            }
        }

        for (long offset = 0; offset < 10; offset++)
        {
            Assert.Equal(offset, (await Next()).Offset);
        }

        // At the end of the partition the stage has a request open, so the poll thread is consuming. A new record
        // and a seek then race: the poll thread may take the record before it carries out the seek.
        var random = new Random(11);
        long end = 10;
        for (int round = 0; round < 30; round++)
        {
            var delivered = await producer.ProduceAsync("race", Codec.Message((int)end, 1), TestContext.Current.CancellationToken);
            Assert.Equal(end, delivered.Offset.Value);
            end++;
            long target = end - 2 - random.Next(0, 3);
            var seek = control.SeekAsync(new TopicPartitionOffset(partition, target));
            long emittedBeforeSeek = control.ElementsEmitted;
            await seek;

            // An element counted by the time SeekAsync returned was emitted before the seek and may still come out of
            // the sink (it holds one); everything emitted later must be target .. end-1.
            long stale = emittedBeforeSeek - pulled;
            var next = await Next();
            while (next.Offset != target && stale-- > 0)
            {
                next = await Next();
            }

            Assert.Equal(target, next.Offset);
            for (long offset = target + 1; offset < end; offset++)
            {
                Assert.Equal(offset, (await Next()).Offset);
            }
        }

        control.Stop();
        await control.Completion;
    }

    [Fact]
    public async Task After_commit_and_restart_the_group_resumes_at_the_committed_offset()
    {
        await using var context = KafkaTestContext.Start();
        context.CreateTopic("resume", 1);
        await context.ProduceAsync("resume", 30);

        var (first, queue) = KafkaConsumerSource.Create(context.ConsumerSettings("resume-group", "resume", "resume-1"))
            .ToMaterialized(Sink.Queue<KafkaConsumerEvent>(), Keep.Both)
            .Run(context.Materializer);
        KafkaRecord last = null!;
        for (int i = 0; i < 12; i++)
        {
            last = await NextRecordAsync(queue);
        }

        await first.CommitAsync([last.NextOffset]);
        first.Stop();
        await first.Completion;

        var second = new EventCollector(context, context.ConsumerSettings("resume-group", "resume", "resume-2"));
        await Eventually.WaitAsync(() => second.Records.Count >= 18, "the rest of the partition");
        Assert.Equal(Enumerable.Range(12, 18).Select(o => (long)o), second.Records.Select(r => r.Offset));
        second.Control.Stop();
        await second.Control.Completion;
    }

    [Fact]
    public async Task A_commit_after_the_source_stopped_fails_instead_of_hanging()
    {
        await using var context = KafkaTestContext.Start();
        context.CreateTopic("late", 1);
        var collector = new EventCollector(context, context.ConsumerSettings("late-group", "late", "late-1"));
        await Eventually.WaitAsync(() => collector.Owned.Count == 1, "assignment");
        collector.Control.Stop();
        await collector.Control.Completion;
        await Assert.ThrowsAsync<InvalidOperationException>(() => collector.Control.CommitAsync([new TopicPartitionOffset("late", 0, 0)]));
    }

    [Fact]
    public async Task Commits_queued_together_go_to_the_broker_as_one_request_and_each_partition_gets_its_offset()
    {
        await using var context = KafkaTestContext.Start();
        context.CreateTopic("many", 10);
        await context.ProduceAsync("many", 100);
        var (control, queue) = KafkaConsumerSource.Create(context.ConsumerSettings("many-group", "many", "many-1", maxBatchSize: 256))
            .ToMaterialized(Sink.Queue<KafkaConsumerEvent>().WithAttributes(Attributes.CreateInputBuffer(1, 1)), Keep.Both)
            .Run(context.Materializer);
        await NextRecordAsync(queue);
        await control.CommitAsync([new TopicPartitionOffset("many", 0, 1)]);
        var before = await CommitRequestsAsync(context);

        // one commit per partition, as the miner issues them when its checkpoints complete
        var commits = Enumerable.Range(0, 10).Select(p => control.CommitAsync([new TopicPartitionOffset("many", p, p + 2)])).ToList();
        await Task.WhenAll(commits);

        var requests = await CommitRequestsAsync(context) - before;
        Assert.InRange(requests, 1, 3); // one per partition would be 10; the first may go alone while the rest queue up
        for (int p = 0; p < 10; p++)
        {
            Assert.Equal(p + 2, context.Broker.CommittedOffsets.Get("many-group", new EmbeddedKafka.Storage.TopicPartition("many", p))?.Offset);
        }

        control.Stop();
        await control.Completion;
    }

    private static async Task<double> CommitRequestsAsync(KafkaTestContext context)
    {
        using var text = new MemoryStream();
        await context.Broker.Metrics.Registry.CollectAndExportAsTextAsync(text, TestContext.Current.CancellationToken);
        var line = System.Text.Encoding.UTF8.GetString(text.ToArray()).Split('\n')
            .FirstOrDefault(l => l.StartsWith("kafka_server_requests_total{api=\"OffsetCommit\"}", StringComparison.Ordinal));
        return line is null ? 0 : double.Parse(line[(line.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
    }
}
