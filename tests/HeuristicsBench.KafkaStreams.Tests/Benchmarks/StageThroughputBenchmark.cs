using System.Diagnostics;
using System.Globalization;
using Akka;
using Akka.Streams.Dsl;
using Confluent.Kafka;
using HeuristicsBench.KafkaStreams.Tests.Support;

namespace HeuristicsBench.KafkaStreams.Tests.Benchmarks;

/// <summary>
/// Messages per second through the producer sink, then through the consumer source, against the in-process broker;
/// on demand only (KAFKA_STREAMS_BENCH=1, optionally KAFKA_STREAMS_BENCH_MESSAGES). It prints, never asserts a speed.
/// </summary>
public sealed class StageThroughputBenchmark
{
    [Fact]
    [Trait("Category", "Benchmark")]
    public async Task Producer_sink_then_consumer_source_messages_per_second()
    {
        if (Environment.GetEnvironmentVariable("KAFKA_STREAMS_BENCH") != "1")
        {
            Assert.Skip("benchmark: set KAFKA_STREAMS_BENCH=1 (optionally KAFKA_STREAMS_BENCH_MESSAGES) to run");
        }

        int messages = int.Parse(Environment.GetEnvironmentVariable("KAFKA_STREAMS_BENCH_MESSAGES") ?? "1000000", CultureInfo.InvariantCulture);
        await using var context = KafkaTestContext.Start();
        context.CreateTopic("bench", 4);
        var payload = new byte[200];
        Random.Shared.NextBytes(payload);

        using var producer = new ProducerBuilder<byte[]?, byte[]?>(new ProducerConfig
        {
            BootstrapServers = context.Bootstrap,
            Acks = Acks.All,
            EnableIdempotence = true,
            LingerMs = 5,
            BatchSize = 1_000_000,
        }).Build();
        var produceClock = Stopwatch.StartNew();
        await Source.From(Enumerable.Range(0, messages))
            .Select(i => new ProducerMessage<NotUsed>(
                "bench",
                new Message<byte[]?, byte[]?> { Key = BitConverter.GetBytes(i % 1000), Value = payload },
                NotUsed.Instance))
            .RunWith(KafkaProducerSink.Create<NotUsed>(producer, new KafkaProducerSettings { Parallelism = 10_000 }), context.Materializer);
        produceClock.Stop();

        var settings = context.ConsumerSettings("bench-group", "bench", "bench-1", maxBatchSize: 1000);
        settings.Config.FetchQueueBackoffMs = 0;
        settings.Config.QueuedMaxMessagesKbytes = 262_144;
        var consumeClock = Stopwatch.StartNew();
        var (control, count) = KafkaConsumerSource.Create(settings)
            .Where(e => e is KafkaRecord)
            .Take(messages)
            .ToMaterialized(Sink.Aggregate<KafkaConsumerEvent, long>(0, (n, _) => n + 1), Keep.Both)
            .Run(context.Materializer);
        Assert.Equal(messages, await count);
        consumeClock.Stop();
        await control.Completion;

        string report = string.Create(
            CultureInfo.InvariantCulture,
            $"{DateTime.UtcNow:u} {messages} messages of 200 bytes, 4 partitions: producer sink {messages / produceClock.Elapsed.TotalSeconds:F0} msg/s ({produceClock.Elapsed.TotalSeconds:F1} s), consumer source {messages / consumeClock.Elapsed.TotalSeconds:F0} msg/s ({consumeClock.Elapsed.TotalSeconds:F1} s, including the group join)\n");
        await File.AppendAllTextAsync(Path.Combine(Path.GetTempPath(), "kafka-streams-bench.txt"), report, TestContext.Current.CancellationToken);
        TestContext.Current.SendDiagnosticMessage(report);
    }
}
