using System.Text.Json;
using Confluent.Kafka;
using EmbeddedKafka.Tests.Support;

namespace EmbeddedKafka.Tests.Interop;

/// <summary>
/// kafka-python 2.0.2, a client with its own protocol code: it probes the broker with ApiVersions v0, takes it
/// for Kafka 2.4 and then asks fixed, older versions (Fetch v4, Produce v7, JoinGroup v2, OffsetCommit v2, ...)
/// than librdkafka does. Skipped (with the reason) when no python3 can import kafka.
/// </summary>
public sealed class KafkaPythonInteropTests
{
    private const int Partitions = 4;
    private const int Count = 300;

    public KafkaPythonInteropTests() => KafkaPython.SkipUnlessInstalled();

    private static List<SeenMessage> Messages(JsonElement array) =>
        [.. array.EnumerateArray().Select(m => new SeenMessage(
            m.GetProperty("key").GetString()!, m.GetProperty("value").GetString()!,
            m.GetProperty("partition").GetInt32(), m.GetProperty("offset").GetInt64()))];

    /// <summary>A {"partition": offset} object; partitions with no offset (null: nothing committed) are left out.</summary>
    private static Dictionary<int, long> ByPartition(JsonElement map) =>
        map.EnumerateObject().Where(p => p.Value.ValueKind != JsonValueKind.Null)
            .ToDictionary(p => int.Parse(p.Name, System.Globalization.CultureInfo.InvariantCulture), p => p.Value.GetInt64());

    [Fact]
    public async Task Producer_acks_all_then_group_consumer_commits_and_the_restarted_group_gets_nothing_new()
    {
        await using var broker = BrokerFixture.Start(o => o with { DefaultPartitions = Partitions });
        string bootstrap = broker.BootstrapServers;

        // Every send future succeeded (the script raises otherwise) with its partition and offset.
        var sent = Messages((await KafkaPython.RunAsync("produce", bootstrap, "kpy", $"{Count}", $"{KeyedMessages.Keys}")).GetProperty("sent"));
        KeyedMessages.AssertEachOnceInKeyOrder(sent, Count);

        var consumed = await KafkaPython.RunAsync("consume", bootstrap, "kpy", "pg", $"{Count}");
        var received = Messages(consumed.GetProperty("received"));
        KeyedMessages.AssertEachOnceInKeyOrder(received, Count);
        Assert.Equal(sent.OrderBy(m => m.Value, StringComparer.Ordinal), received.OrderBy(m => m.Value, StringComparer.Ordinal));
        var ends = sent.GroupBy(m => m.Partition).ToDictionary(g => g.Key, g => g.Max(m => m.Offset) + 1);
        Assert.Equal(ends.OrderBy(e => e.Key), ByPartition(consumed.GetProperty("committed")).OrderBy(c => c.Key));

        // The same offsets through Confluent's OffsetFetch, and the same records through Confluent's Fetch.
        using (var reader = new ConsumerBuilder<Ignore, Ignore>(new ConsumerConfig { BootstrapServers = bootstrap, GroupId = "pg" }).Build())
        {
            var committed = reader.Committed(ends.Keys.Select(p => new TopicPartition("kpy", p)), TimeSpan.FromSeconds(60));
            Assert.Equal(ends.OrderBy(e => e.Key), committed.Select(c => KeyValuePair.Create(c.Partition.Value, c.Offset.Value)).OrderBy(c => c.Key));
        }

        var byConfluent = ClientHelpers.ReadAll<string, string>(bootstrap, "kpy", Partitions)
            .Select(r => new SeenMessage(r.Message.Key, r.Message.Value, r.Partition.Value, r.Offset.Value));
        Assert.Equal(sent.OrderBy(m => m.Value, StringComparer.Ordinal), byConfluent.OrderBy(m => m.Value, StringComparer.Ordinal));

        // A new consumer process in the group starts at the committed offsets, which are the log ends.
        var restarted = await KafkaPython.RunAsync("caughtup", bootstrap, "kpy", "pg");
        var positions = ByPartition(restarted.GetProperty("positions"));
        Assert.Equal(Enumerable.Range(0, Partitions), positions.Keys.Order());
        Assert.Equal(ByPartition(restarted.GetProperty("end_offsets")).OrderBy(e => e.Key), positions.OrderBy(p => p.Key));
        Assert.All(positions, p => Assert.Equal(ends.GetValueOrDefault(p.Key, 0), p.Value));
        Assert.Empty(restarted.GetProperty("polled_after_join").EnumerateArray());
    }

    [Fact]
    public async Task Admin_client_creates_a_topic_and_lists_and_describes_it()
    {
        await using var broker = BrokerFixture.Start(o => o with { AutoCreateTopics = false });
        var result = await KafkaPython.RunAsync("admin", broker.BootstrapServers, "made-by-python", "6");
        Assert.Equal("""[["made-by-python",0]]""", result.GetProperty("created").GetRawText().Replace(" ", "", StringComparison.Ordinal));
        Assert.Equal(["made-by-python"], result.GetProperty("topics").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(Enumerable.Range(0, 6), result.GetProperty("partitions").EnumerateArray().Select(p => p.GetInt32()));
        Assert.Equal(6, broker.Topics.Get("made-by-python")!.Partitions.Count);
    }

    [Fact]
    public async Task Admin_client_lists_and_describes_the_group_and_its_offsets_then_deletes_the_topic()
    {
        await using var broker = BrokerFixture.Start(o => o with { DefaultPartitions = Partitions });
        string bootstrap = broker.BootstrapServers;
        var sent = Messages((await KafkaPython.RunAsync("produce", bootstrap, "audited", "40", $"{KeyedMessages.Keys}")).GetProperty("sent"));
        await KafkaPython.RunAsync("consume", bootstrap, "audited", "ag", "40");

        var result = await KafkaPython.RunAsync("groups", bootstrap, "ag", "audited");
        Assert.Equal("""[["ag","consumer"]]""", result.GetProperty("listed").GetRawText().Replace(" ", "", StringComparison.Ordinal));
        var described = Assert.Single(result.GetProperty("described").EnumerateArray());
        Assert.Equal("Empty", described.GetProperty("state").GetString());
        Assert.Equal("consumer", described.GetProperty("protocol_type").GetString());
        Assert.Equal(0, described.GetProperty("members").GetInt32());
        var ends = sent.GroupBy(m => m.Partition).ToDictionary(g => g.Key, g => g.Max(m => m.Offset) + 1);
        Assert.Equal(ends.OrderBy(e => e.Key), ByPartition(result.GetProperty("offsets")).OrderBy(o => o.Key));
        Assert.Equal("""[["audited",0]]""", result.GetProperty("deleted").GetRawText().Replace(" ", "", StringComparison.Ordinal));
        Assert.Empty(result.GetProperty("topics_after_delete").EnumerateArray());
        Assert.Null(broker.Topics.Get("audited"));
    }

    [Fact]
    public async Task Two_consumers_in_a_group_split_the_partitions_between_them()
    {
        await using var broker = BrokerFixture.Start(o => o with { DefaultPartitions = Partitions });
        await KafkaPython.RunAsync("produce", broker.BootstrapServers, "shared", "20", $"{KeyedMessages.Keys}");

        // The script runs both members until they hold assignments of the same generation.
        var members = (await KafkaPython.RunAsync("pair", broker.BootstrapServers, "shared", "pair-group")).GetProperty("members")
            .EnumerateArray().Select(m => m.GetProperty("partitions").EnumerateArray().Select(p => p.GetInt32()).ToList()).ToList();
        Assert.Equal(2, members.Count);
        Assert.All(members, Assert.NotEmpty);
        Assert.Empty(members[0].Intersect(members[1]));
        Assert.Equal(Enumerable.Range(0, Partitions), members[0].Concat(members[1]).Order());
    }
}
