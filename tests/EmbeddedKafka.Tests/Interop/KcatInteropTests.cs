using System.Globalization;
using System.Text.Json;
using Confluent.Kafka;
using EmbeddedKafka.Protocol;
using PartitionLog = EmbeddedKafka.Storage.PartitionLog;
using EmbeddedKafka.Tests.Support;

namespace EmbeddedKafka.Tests.Interop;

/// <summary>
/// kcat against the in-process broker: produce, consume, metadata and a kcat consumer group, cross-checked with
/// Confluent.Kafka. kcat is librdkafka too, but a different build and version driven from the command line, with
/// its own defaults. Skipped (with the reason) when kcat is not installed.
/// </summary>
public sealed class KcatInteropTests
{
    private const int Partitions = 4;
    private const int Count = 400;

    public KcatInteropTests() => Kcat.SkipUnlessInstalled();

    private static List<SeenMessage> ParseLines(string output) =>
        [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line =>
        {
            string[] f = line.Split(':');
            Assert.True(f.Length == 4, $"unexpected kcat line '{line}'");
            return new SeenMessage(f[0], f[1], int.Parse(f[2], CultureInfo.InvariantCulture), long.Parse(f[3], CultureInfo.InvariantCulture));
        })];

    private static Task<ProcessResult> ProduceAsync(string bootstrap, string topic, int from, int count) =>
        Kcat.RunAsync(
            ["-P", "-b", bootstrap, "-t", topic, "-K:", "-p", "-1", "-X", "acks=all"],
            string.Concat(Enumerable.Range(from, count).Select(i => $"{KeyedMessages.Key(i)}:{KeyedMessages.Value(i)}\n")));

    private static async Task<List<SeenMessage>> ConsumeInGroupAsync(string bootstrap, string group, string topic) =>
        ParseLines((await Kcat.RunAsync(
            ["-b", bootstrap, "-G", group, "-X", "auto.offset.reset=earliest", "-e", "-q", "-f", "%k:%s:%p:%o\n", topic])).StandardOutput);

    [Fact]
    public async Task Kcat_produces_keyed_messages_that_kcat_and_Confluent_read_back_once_in_key_order()
    {
        await using var broker = BrokerFixture.Start(o => o with { DefaultPartitions = Partitions });
        await ProduceAsync(broker.BootstrapServers, "kc", 0, Count);

        var byKcat = ParseLines((await Kcat.RunAsync(
            ["-C", "-b", broker.BootstrapServers, "-t", "kc", "-e", "-q", "-o", "beginning", "-f", "%k:%s:%p:%o\n"])).StandardOutput);
        KeyedMessages.AssertEachOnceInKeyOrder(byKcat, Count);
        Assert.True(byKcat.Select(m => m.Partition).Distinct().Count() > 1, "16 keys all landed on one partition");

        var byConfluent = ClientHelpers.ReadAll<string, string>(broker.BootstrapServers, "kc", Partitions)
            .Select(r => new SeenMessage(r.Message.Key, r.Message.Value, r.Partition.Value, r.Offset.Value)).ToList();
        KeyedMessages.AssertEachOnceInKeyOrder(byConfluent, Count);
        Assert.Equal(byKcat.OrderBy(m => m.Value, StringComparer.Ordinal), byConfluent.OrderBy(m => m.Value, StringComparer.Ordinal));
    }

    // kcat 1.7.1's librdkafka 2.0.2 sends gzip, snappy and lz4 batches uncompressed ("Broker does not support
    // compression type gzip: not compressing batch") to any broker whose lowest Produce version is above 0, as
    // here and in Kafka 4.0 (KIP-896): librdkafka issue #4956, fixed in later librdkafka (Confluent.Kafka 2.16's
    // compresses). Only zstd is compressed by this kcat; the round trip is checked for all four.
    [Theory]
    [InlineData("gzip", 1, false)]
    [InlineData("snappy", 2, false)]
    [InlineData("lz4", 3, false)]
    [InlineData("zstd", 4, true)]
    public async Task Kcat_compressed_batches_are_stored_as_sent_and_read_back_by_kcat_and_Confluent(string codec, short codecId, bool compressedByThisKcat)
    {
        await using var broker = BrokerFixture.Start(o => o with { DefaultPartitions = Partitions });
        await Kcat.RunAsync(
            ["-P", "-b", broker.BootstrapServers, "-t", "zipped", "-K:", "-z", codec, "-X", "acks=all", "-X", "linger.ms=50"],
            string.Concat(Enumerable.Range(0, Count).Select(i => $"{KeyedMessages.Key(i)}:{KeyedMessages.Value(i)}\n")));

        // The broker never decompresses: batches on disk carry the codec kcat used (or none, see above; librdkafka
        // also sends a batch uncompressed when compressing does not make it smaller).
        var codecs = new List<int>();
        foreach (var partition in broker.Topics.Get("zipped")!.Partitions)
        {
            string segment = Path.Combine(broker.DataDirectory, PartitionLog.DirectoryName("zipped", partition.Partition), $"{0:D20}.log");
            byte[] log = await File.ReadAllBytesAsync(segment, TestContext.Current.CancellationToken);
            for (int position = 0; position < log.Length;)
            {
                Assert.True(RecordBatchHeader.TryRead(log.AsSpan(position), out var header));
                codecs.Add(header.Attributes & RecordBatchHeader.CompressionMask);
                position += header.TotalSize;
            }
        }

        if (compressedByThisKcat)
        {
            Assert.Contains(codecId, codecs);
        }

        Assert.All(codecs, c => Assert.True(c == codecId || c == 0, $"codec {c}"));

        KeyedMessages.AssertEachOnceInKeyOrder(ParseLines((await Kcat.RunAsync(
            ["-C", "-b", broker.BootstrapServers, "-t", "zipped", "-e", "-q", "-o", "beginning", "-f", "%k:%s:%p:%o\n"])).StandardOutput), Count);
        var byConfluent = ClientHelpers.ReadAll<string, string>(broker.BootstrapServers, "zipped", Partitions)
            .Select(r => new SeenMessage(r.Message.Key, r.Message.Value, r.Partition.Value, r.Offset.Value)).ToList();
        KeyedMessages.AssertEachOnceInKeyOrder(byConfluent, Count);
    }

    [Fact]
    public async Task Kcat_metadata_lists_the_topic_with_its_partitions_led_by_the_one_broker()
    {
        await using var broker = BrokerFixture.Start(o => o with { DefaultPartitions = Partitions });
        await ProduceAsync(broker.BootstrapServers, "listed", 0, 10);

        var result = await Kcat.RunAsync(["-L", "-J", "-b", broker.BootstrapServers]);
        using var json = JsonDocument.Parse(result.StandardOutput);
        var brokers = json.RootElement.GetProperty("brokers").EnumerateArray().ToList();
        Assert.Equal(broker.BootstrapServers, Assert.Single(brokers).GetProperty("name").GetString());
        var topic = Assert.Single(json.RootElement.GetProperty("topics").EnumerateArray(), t => t.GetProperty("topic").GetString() == "listed");
        var partitions = topic.GetProperty("partitions").EnumerateArray().ToList();
        Assert.Equal(Enumerable.Range(0, Partitions), partitions.Select(p => p.GetProperty("partition").GetInt32()).Order());
        Assert.All(partitions, p => Assert.Equal(0, p.GetProperty("leader").GetInt32()));
    }

    [Fact]
    public async Task Kcat_group_commits_what_it_read_and_the_group_resumes_from_there()
    {
        await using var broker = BrokerFixture.Start(o => o with { DefaultPartitions = Partitions });
        await ProduceAsync(broker.BootstrapServers, "grouped", 0, Count);

        // kcat -G is a KafkaConsumer with auto commit: it commits the offsets it consumed when it closes (at -e).
        var first = await ConsumeInGroupAsync(broker.BootstrapServers, "kg", "grouped");
        KeyedMessages.AssertEachOnceInKeyOrder(first, Count);

        // Confluent's OffsetFetch for the group sees exactly the log ends.
        var ends = first.GroupBy(m => m.Partition).ToDictionary(g => g.Key, g => g.Max(m => m.Offset) + 1);
        using (var reader = new ConsumerBuilder<Ignore, Ignore>(new ConsumerConfig { BootstrapServers = broker.BootstrapServers, GroupId = "kg" }).Build())
        {
            var committed = reader.Committed(
                Enumerable.Range(0, Partitions).Select(p => new TopicPartition("grouped", p)), TimeSpan.FromSeconds(60));
            Assert.Equal(
                Enumerable.Range(0, Partitions).Select(p => ends.GetValueOrDefault(p, Offset.Unset.Value)),
                committed.OrderBy(c => c.Partition.Value).Select(c => c.Offset.Value));
        }

        // A second run of the group starts at the committed offsets: nothing; after more messages, only those.
        Assert.Empty(await ConsumeInGroupAsync(broker.BootstrapServers, "kg", "grouped"));
        await ProduceAsync(broker.BootstrapServers, "grouped", Count, 40);
        var resumed = await ConsumeInGroupAsync(broker.BootstrapServers, "kg", "grouped");
        Assert.Equal(Enumerable.Range(Count, 40), resumed.Select(m => KeyedMessages.Index(m.Value)).Order());
        Assert.All(resumed, m => Assert.True(m.Offset >= ends.GetValueOrDefault(m.Partition, 0), $"{m} was already committed"));
    }
}
