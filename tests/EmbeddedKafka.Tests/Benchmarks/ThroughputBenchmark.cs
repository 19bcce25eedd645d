using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Confluent.Kafka;

namespace EmbeddedKafka.Tests.Benchmarks;

/// <summary>
/// The issue's performance figure, run on demand only (EMBEDDED_KAFKA_BENCH=1; it prints, never asserts a
/// speed): 200-byte messages, one Confluent producer and one consumer at the same time against an
/// in-process broker on loopback; and, as the physical ceiling, the same number of bytes copied through a
/// raw loopback TCP socket between two threads.
/// </summary>
public sealed class ThroughputBenchmark
{
    private const int MessageSize = 200;

    [Fact]
    [Trait("Category", "Benchmark")]
    public async Task Producer_and_consumer_messages_per_second_against_raw_loopback()
    {
        if (Environment.GetEnvironmentVariable("EMBEDDED_KAFKA_BENCH") != "1")
        {
            Assert.Skip("benchmark: set EMBEDDED_KAFKA_BENCH=1 (optionally EMBEDDED_KAFKA_BENCH_MESSAGES, _REPORT, _BOOTSTRAP, _FETCH_BACKOFF) to run");
        }

        int messages = int.Parse(Environment.GetEnvironmentVariable("EMBEDDED_KAFKA_BENCH_MESSAGES") ?? "3000000", CultureInfo.InvariantCulture);
        // EMBEDDED_KAFKA_BENCH_BOOTSTRAP points the same clients at an external broker (another process, real Kafka).
        string? external = Environment.GetEnvironmentVariable("EMBEDDED_KAFKA_BENCH_BOOTSTRAP");
        await using var broker = external is null ? BrokerFixture.Start() : null;
        string bootstrap = external ?? broker!.BootstrapServers;
        string topic = "bench-" + Guid.NewGuid().ToString("N")[..8];
        using (var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = bootstrap }).Build())
        {
            await admin.CreateTopicsAsync([new Confluent.Kafka.Admin.TopicSpecification { Name = topic, NumPartitions = 4, ReplicationFactor = 1 }]);
        }

        var payload = new byte[MessageSize];
        Random.Shared.NextBytes(payload);

        var consumerConfig = new ConsumerConfig
        {
            BootstrapServers = bootstrap,
            GroupId = "bench",
            EnableAutoCommit = false,
            FetchMaxBytes = 52_428_800,
            MaxPartitionFetchBytes = 4_194_304,
            QueuedMaxMessagesKbytes = 262_144,
            FetchQueueBackoffMs = int.Parse(Environment.GetEnvironmentVariable("EMBEDDED_KAFKA_BENCH_FETCH_BACKOFF") ?? "0", CultureInfo.InvariantCulture),
        };
        int consumed = 0;
        var consumer = Task.Factory.StartNew(() =>
        {
            using var c = new ConsumerBuilder<Ignore, byte[]>(consumerConfig).Build();
            c.Assign(Enumerable.Range(0, 4).Select(p => new TopicPartitionOffset(topic, p, Offset.Beginning)));
            while (consumed < messages)
            {
                if (c.Consume(TimeSpan.FromSeconds(30)) is null)
                {
                    string positions = string.Join(", ", c.Assignment.Select(tp => $"{tp.Partition.Value}@{c.Position(tp).Value}"));
                    string ends = broker is null ? "?" : string.Join(", ", broker.Topics.Get(topic)!.Partitions.Select(p => $"{p.Partition}:{p.LogEndOffset}"));
                    throw new TimeoutException($"consumer stalled after {consumed} messages; positions {positions}; log ends {ends}");
                }

                consumed++;
            }
        }, TaskCreationOptions.LongRunning);

        var producerConfig = new ProducerConfig
        {
            BootstrapServers = bootstrap,
            Acks = Acks.All,
            LingerMs = 5,
            BatchSize = 1_000_000,
            QueueBufferingMaxMessages = 1_000_000,
            QueueBufferingMaxKbytes = 1_048_576,
        };
        var clock = Stopwatch.StartNew();
        using (var producer = new ProducerBuilder<Null, byte[]>(producerConfig).Build())
        {
            var message = new Message<Null, byte[]> { Value = payload };
            for (int i = 0; i < messages; i++)
            {
                while (true)
                {
                    try
                    {
                        producer.Produce(new Confluent.Kafka.TopicPartition(topic, i & 3), message);
                        break;
                    }
                    catch (ProduceException<Null, byte[]> e) when (e.Error.Code == ErrorCode.Local_QueueFull)
                    {
                        producer.Poll(TimeSpan.FromMilliseconds(1));
                    }
                }
            }

            producer.Flush(TimeSpan.FromMinutes(5));
        }

        double produceSeconds = clock.Elapsed.TotalSeconds;
        await consumer;
        double endToEndSeconds = clock.Elapsed.TotalSeconds;
        double rawSeconds = RawLoopbackCopySeconds((long)messages * MessageSize);

        double rate = messages / endToEndSeconds;
        double rawRate = messages / rawSeconds;
        string report = string.Create(CultureInfo.InvariantCulture,
            $"{(external is null ? "in-process broker" : "broker at " + external)}: {messages} x {MessageSize} B, producer+consumer concurrently: produced in {produceSeconds:F2} s, all consumed after {endToEndSeconds:F2} s " +
            $"=> {rate:N0} msg/s ({rate * MessageSize / 1e6:F1} MB/s of values); raw loopback copy of the same bytes {rawSeconds:F3} s " +
            $"=> {rawRate:N0} msg/s; broker path at {100 * rate / rawRate:F1} % of the socket ceiling");
        TestContext.Current.TestOutputHelper?.WriteLine(report);
        string reportFile = Environment.GetEnvironmentVariable("EMBEDDED_KAFKA_BENCH_REPORT") ??
            Path.Combine(Path.GetTempPath(), "embedded-kafka-bench.txt");
        await File.AppendAllTextAsync(reportFile, report + Environment.NewLine, TestContext.Current.CancellationToken);
        Assert.Equal(messages, consumed);
    }

    private static double RawLoopbackCopySeconds(long bytes)
    {
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(1);
        using var sender = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        sender.Connect(listener.LocalEndPoint!);
        using var receiver = listener.Accept();
        var clock = Stopwatch.StartNew();
        var reader = Task.Factory.StartNew(() =>
        {
            var buffer = new byte[1 << 20];
            long received = 0;
            while (received < bytes)
            {
                int n = receiver.Receive(buffer);
                if (n == 0)
                {
                    break;
                }

                received += n;
            }
        }, TaskCreationOptions.LongRunning);
        var chunk = new byte[1 << 20];
        long sent = 0;
        while (sent < bytes)
        {
            sent += sender.Send(chunk, 0, (int)Math.Min(chunk.Length, bytes - sent), SocketFlags.None);
        }

        reader.Wait();
        return clock.Elapsed.TotalSeconds;
    }
}
