using System.Text;
using HeuristicsBench.Services.Tests.Support;
using HeuristicsMiner.Checkpoints;

namespace HeuristicsBench.Services.Tests;

/// <summary>The miner service in-process against the embedded broker: the published model is the offline model of
/// the same input per partition, merged; invalid input goes to the dead-letter topic; state survives restarts.</summary>
public sealed class MinerServiceTests
{
    private static Dictionary<int, long> HighWatermarks(BrokerContext broker, string topic, int partitions) =>
        Enumerable.Range(0, partitions).ToDictionary(p => p, p => broker.HighWatermark(topic, p));

    private static string Format(IReadOnlyDictionary<int, long> offsets) =>
        string.Join(",", offsets.OrderBy(o => o.Key).Select(o => $"{o.Key}:{o.Value}"));

    /// <summary>
    /// Waits for <paramref name="miner"/>'s newest model to reflect exactly <paramref name="offsets"/>. On a timeout
    /// the message names the stage, the input's high watermarks now, the offsets of the newest model seen and the
    /// miner's last log lines, so a failure tells a lost record from a slow or stuck miner.
    /// </summary>
    private static async Task<byte[]> ModelReflecting(BrokerContext broker, MinerHost miner, string key, Dictionary<int, long> offsets, string stage = "")
    {
        byte[]? model = null;
        byte[]? newest = null;
        var input = miner.Settings.InputTopic;
        await Eventually.True(() =>
            {
                bool reflects = ModelTopic.Reflects(broker, miner.Settings.ModelTopic, key, offsets, out model);
                newest = model ?? newest;
                return reflects;
            },
            $"a model of {key} reflecting {Format(offsets)}{(stage.Length > 0 ? " " + stage : "")}", seconds: 90,
            diagnosis: () => Diagnosis(broker, miner, input, offsets.Count, newest));
        return model!;
    }

    private static string Diagnosis(BrokerContext broker, MinerHost miner, string input, int partitions, byte[]? newest)
    {
        string watermarks;
        try
        {
            watermarks = Format(HighWatermarks(broker, input, partitions));
        }
        catch (Confluent.Kafka.KafkaException e)
        {
            watermarks = "not readable: " + e.Message;
        }
        var model = newest is null ? "none seen" : Format(OfflineReference.Offsets(newest));
        var log = miner.LogLines;
        return $"high watermarks of {input} now: {watermarks}; newest model seen reflects: {model}; miner running: {!miner.Run.IsCompleted}\n" +
            $"last {Math.Min(log.Count, 30)} of {log.Count} miner log lines:\n  " + string.Join("\n  ", log.TakeLast(30));
    }

    [Fact]
    public async Task Final_model_equals_offline_mining_per_partition_merged_and_invalid_records_go_to_the_dead_letter_topic()
    {
        await using var broker = BrokerContext.Start();
        broker.CreateTopic("events", 3);
        broker.Produce("events", BrokerContext.Events(4000));
        broker.ProduceRaw("events", "case_x",
            Encoding.UTF8.GetBytes("not json"),
            Encoding.UTF8.GetBytes("{\"activity\":\"A\"}"),
            Encoding.UTF8.GetBytes("{\"schema\":99,\"caseid\":\"c\",\"activity\":\"A\"}"),
            Encoding.UTF8.GetBytes("{\"caseid\":\"c\",\"activity\":\"" + new string('x', 3000) + "\"}"));
        broker.Produce("events", BrokerContext.Events(1000, skip: 4000));

        var store = new InMemoryCheckpointStore();
        await using var miner = MinerHost.Start(MinerHost.SettingsFor(broker.Bootstrap, "events", "g1", "m1", maxEventBytes: 2048), store);
        var offsets = HighWatermarks(broker, "events", 3);
        var model = await ModelReflecting(broker, miner, "g1/m1", offsets);

        var expected = OfflineReference.ModelJson(broker.ReadAll("events"), offsets, MinerHost.Summary, MinerHost.Thresholds, maxEventBytes: 2048);
        Assert.Equal(expected, OfflineReference.Normalize(model));
        Assert.Contains("\"eventsProcessed\":5000", expected, StringComparison.Ordinal);

        var dead = broker.ReadAll("events.dlq").Values.SelectMany(l => l).ToList();
        Assert.Equal(4, dead.Count);
        var reasons = dead.Select(d => Encoding.UTF8.GetString(d.Message.Headers.GetLastBytes("dlq-reason"))).ToList();
        Assert.Contains(reasons, r => r.StartsWith("not JSON", StringComparison.Ordinal));
        Assert.Contains(reasons, r => r.Contains("caseid", StringComparison.Ordinal));
        Assert.Contains(reasons, r => r.Contains("schema version 99", StringComparison.Ordinal));
        Assert.Contains(reasons, r => r.StartsWith("oversized", StringComparison.Ordinal));
        Assert.All(dead, d => Assert.Equal("events", Encoding.UTF8.GetString(d.Message.Headers.GetLastBytes("dlq-topic"))));

        Assert.Equal(5000, await miner.MetricAsync("heuristics_miner_events_valid_total"));
        var metrics = await miner.MetricsAsync();
        Assert.Contains("heuristics_miner_events_invalid_total{reason=\"malformed\"} 3", metrics, StringComparison.Ordinal);
        Assert.Contains("heuristics_miner_events_invalid_total{reason=\"oversized\"} 1", metrics, StringComparison.Ordinal);
        Assert.Contains("heuristics_miner_end_to_end_latency_seconds_count 5000", metrics, StringComparison.Ordinal);

        Assert.Equal(0, await miner.StopAsync());
        foreach (var (p, next) in offsets)
            Assert.Equal(next, store.Latest[new PartitionId("events", p)].NextOffset);
    }

    [Fact]
    public async Task A_restarted_miner_continues_from_its_checkpoints_to_the_same_model_as_an_uninterrupted_run()
    {
        await using var broker = BrokerContext.Start();
        broker.CreateTopic("events", 2);
        broker.Produce("events", BrokerContext.Events(3000));
        var store = new InMemoryCheckpointStore();
        var settings = MinerHost.SettingsFor(broker.Bootstrap, "events", "g2", "m1");
        await using (var first = MinerHost.Start(settings, store))
        {
            await ModelReflecting(broker, first, "g2/m1", HighWatermarks(broker, "events", 2));
            Assert.Equal(0, await first.StopAsync());
        }
        broker.Produce("events", BrokerContext.Events(3000, skip: 3000));

        await using var second = MinerHost.Start(settings, store);
        var offsets = HighWatermarks(broker, "events", 2);
        var model = await ModelReflecting(broker, second, "g2/m1", offsets);
        Assert.Equal(OfflineReference.ModelJson(broker.ReadAll("events"), offsets, MinerHost.Summary, MinerHost.Thresholds), OfflineReference.Normalize(model));
        Assert.Equal(3000, await second.MetricAsync("heuristics_miner_events_valid_total"));
    }

    [Fact]
    public async Task Partitions_moving_between_two_miners_are_counted_exactly_once()
    {
        await using var broker = BrokerContext.Start();
        broker.CreateTopic("events", 4);
        broker.Produce("events", BrokerContext.Events(4000));
        var store = new InMemoryCheckpointStore { LoadDelay = TimeSpan.FromMilliseconds(500) };
        await using var a = MinerHost.Start(MinerHost.SettingsFor(broker.Bootstrap, "events", "g3", "a"), store);
        await ModelReflecting(broker, a, "g3/a", HighWatermarks(broker, "events", 4));

        await using var b = MinerHost.Start(MinerHost.SettingsFor(broker.Bootstrap, "events", "g3", "b"), store);
        await Eventually.True(async () => await b.MetricAsync("heuristics_miner_assigned_partitions") > 0, "b owns partitions");
        broker.Produce("events", BrokerContext.Events(4000, skip: 4000));
        await Eventually.True(async () => await b.MetricAsync("heuristics_miner_events_valid_total") > 0, "b counted events");
        Assert.Equal(0, await b.StopAsync());

        var offsets = HighWatermarks(broker, "events", 4);
        var model = await ModelReflecting(broker, a, "g3/a", offsets);
        Assert.Equal(OfflineReference.ModelJson(broker.ReadAll("events"), offsets, MinerHost.Summary, MinerHost.Thresholds), OfflineReference.Normalize(model));

        // While partitions were handed over, a's model never collapsed to "owns nothing".
        var ofA = broker.ReadAll("events.models").Values.SelectMany(l => l).OrderBy(r => r.Offset.Value)
            .Where(r => Encoding.UTF8.GetString(r.Message.Key!) == "g3/a").Select(r => OfflineReference.Offsets(r.Message.Value!).Count).ToList();
        Assert.DoesNotContain(0, ofA.SkipWhile(n => n == 0));
    }

    [Fact]
    public async Task A_stop_while_checkpoints_cannot_be_loaded_finishes_and_a_failing_final_checkpoint_exits_1()
    {
        await using var broker = BrokerContext.Start();
        broker.CreateTopic("events", 2);
        broker.Produce("events", BrokerContext.Events(500));
        var store = new InMemoryCheckpointStore { FailLoads = true };
        await using (var miner = MinerHost.Start(MinerHost.SettingsFor(broker.Bootstrap, "events", "g6", "m1"), store))
        {
            await Eventually.True(() => store.LoadAttempts >= 1, "a load was attempted");
            Assert.Equal(0, await miner.StopAsync());
        }

        store.FailLoads = false;
        await using var second = MinerHost.Start(MinerHost.SettingsFor(broker.Bootstrap, "events", "g6", "m2"), store);
        await ModelReflecting(broker, second, "g6/m2", HighWatermarks(broker, "events", 2));
        store.FailSaves = true;
        broker.Produce("events", BrokerContext.Events(100, skip: 500));
        await Eventually.True(async () => await second.MetricAsync("heuristics_miner_events_valid_total") >= 600, "the new events are counted");
        Assert.Equal(1, await second.StopAsync());
        Assert.Contains(second.LogLines, l => l.StartsWith("final checkpoint of events-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_broker_restart_mid_stream_loses_and_duplicates_nothing_in_the_model()
    {
        await using var broker = BrokerContext.Start();
        broker.CreateTopic("events", 3);
        broker.Produce("events", BrokerContext.Events(3000));
        var store = new InMemoryCheckpointStore();
        await using var miner = MinerHost.Start(MinerHost.SettingsFor(broker.Bootstrap, "events", "g5", "m1"), store);
        await ModelReflecting(broker, miner, "g5/m1", HighWatermarks(broker, "events", 3), "before the broker restart");

        await broker.RestartAsync(TimeSpan.FromSeconds(2));
        broker.Produce("events", BrokerContext.Events(3000, skip: 3000));
        var offsets = HighWatermarks(broker, "events", 3);
        var model = await ModelReflecting(broker, miner, "g5/m1", offsets, "after the broker restart");
        Assert.Equal(OfflineReference.ModelJson(broker.ReadAll("events"), offsets, MinerHost.Summary, MinerHost.Thresholds), OfflineReference.Normalize(model));
        Assert.Contains("\"eventsProcessed\":6000", OfflineReference.Normalize(model), StringComparison.Ordinal);
        Assert.Equal(0, await miner.StopAsync());
    }

    [Fact]
    public async Task A_checkpoint_made_with_other_settings_stops_the_miner_with_a_clear_error()
    {
        await using var broker = BrokerContext.Start();
        broker.CreateTopic("events", 1);
        broker.Produce("events", BrokerContext.Events(500));
        var store = new InMemoryCheckpointStore();
        var settings = MinerHost.SettingsFor(broker.Bootstrap, "events", "g4", "m1");
        await using (var first = MinerHost.Start(settings, store))
        {
            await ModelReflecting(broker, first, "g4/m1", HighWatermarks(broker, "events", 1));
            Assert.Equal(0, await first.StopAsync());
        }
        await using var second = MinerHost.Start(settings with { Summary = settings.Summary with { Epsilon = 0.01 } }, store);
        Assert.Equal(1, await second.Run.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken));
        Assert.Contains(second.LogLines, l => l.Contains("was made with lc ε 0.002", StringComparison.Ordinal) && l.Contains("another --group", StringComparison.Ordinal));
    }
}
