using Akka.Streams;
using Akka.Streams.Dsl;
using HeuristicsBench.KafkaStreams.Tests.Support;

namespace HeuristicsBench.KafkaStreams.Tests;

public sealed class BackPressureTests
{
    [Fact]
    public async Task A_slow_downstream_keeps_the_records_taken_from_the_consumer_within_one_batch_of_what_it_pulled()
    {
        const int count = 2000;
        const int batch = 10;
        await using var context = KafkaTestContext.Start();
        context.CreateTopic("slow", 1);
        await context.ProduceAsync("slow", count);

        var (control, queue) = KafkaConsumerSource.Create(context.ConsumerSettings("slow-group", "slow", "slow-1", maxBatchSize: batch))
            .ToMaterialized(Sink.Queue<KafkaConsumerEvent>().WithAttributes(Attributes.CreateInputBuffer(1, 1)), Keep.Both)
            .Run(context.Materializer);

        var pulled = new List<KafkaConsumerEvent>();
        while (pulled.OfType<KafkaRecord>().Count() < 25)
        {
            var next = await queue.PullAsync();
            pulled.Add(next.Value);
        }

        // Give an eager implementation every chance to run ahead: the whole topic is available in the broker.
        await Task.Delay(1000, TestContext.Current.CancellationToken);
        long emitted = control.ElementsEmitted;
        long polled = control.RecordsPolled;
        Assert.True(emitted <= pulled.Count + 1, $"emitted {emitted} for {pulled.Count} pulled (the sink buffers one)");
        Assert.True(polled <= emitted + batch, $"took {polled} records from the consumer for {emitted} emitted");

        // demand resumes: the rest arrives, in order
        var offsets = pulled.OfType<KafkaRecord>().Select(r => r.Offset).ToList();
        while (offsets.Count < count)
        {
            var next = await queue.PullAsync();
            if (next.Value is KafkaRecord record)
            {
                offsets.Add(record.Offset);
            }
        }

        Assert.Equal(Enumerable.Range(0, count).Select(o => (long)o), offsets);
        Assert.True(control.RecordsPolled <= count + batch);
        control.Stop();
        await control.Completion;
    }
}
