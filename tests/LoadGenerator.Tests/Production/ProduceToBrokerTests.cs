using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Confluent.Kafka;
using HeuristicsBench.EventLogs;
using HeuristicsBench.Workloads.Pacing;
using LoadGenerator.Generation;
using LoadGenerator.Tests.Support;

namespace LoadGenerator.Tests.Production;

public sealed class ProduceToBrokerTests : IDisposable
{
    private readonly DirectoryInfo _temp = Directory.CreateTempSubdirectory("hb-produce-");

    public void Dispose() => _temp.Delete(recursive: true);

    private static StreamEvent Parse(ConsumeResult<byte[]?, byte[]?> record)
    {
        Assert.True(StreamEventJson.TryParse(record.Message.Value, out var e, out var error), error);
        return e!;
    }

    [Fact]
    public async Task Produces_exactly_the_events_keyed_by_case_in_case_order_after_the_truth_and_reports_what_was_acknowledged()
    {
        const int events = 3000;
        await using var broker = TestBroker.Start();
        broker.CreateTopic("events", 4);
        var truthFile = Path.Combine(_temp.FullName, "truth.json");
        var run = ProduceHarness.Start(ProduceHarness.Settings(broker.Bootstrap, "events", events, new LoadShape.Constant(50_000), truthFile: truthFile), TestContext.Current.CancellationToken);
        await run.ExitsWithAsync(0);

        var records = TopicReader.ReadAll(broker.Bootstrap, "events", 4);
        var parsed = records.Select(r => (Record: r, Event: Parse(r))).ToList();
        Assert.Equal(events, parsed.Count);
        Assert.Equal(Enumerable.Range(0, events).Select(i => (long)i), parsed.Select(p => p.Event.EventId).Order());
        Assert.All(parsed, p => Assert.Equal(p.Event.CaseId, Encoding.UTF8.GetString(p.Record.Message.Key!)));
        Assert.All(parsed, p => Assert.NotNull(p.Event.EmittedAt));
        Assert.All(parsed, p => Assert.Equal(p.Event.EmittedAt!.Value.ToUnixTimeMilliseconds(), p.Record.Message.Timestamp.UnixTimestampMs));
        // per case: one partition, and within it the case's events in order 1, 2, 3, ...
        foreach (var caseEvents in parsed.GroupBy(p => p.Event.CaseId))
        {
            Assert.Single(caseEvents.Select(p => p.Record.Partition.Value).Distinct());
            Assert.Equal(Enumerable.Range(1, caseEvents.Count()), caseEvents.OrderBy(p => p.Record.Offset.Value).Select(p => p.Event.Sequence));
        }

        // the truth: generate's JSON for the same stream, in the file and as the one record of the truth topic, keyed
        // by the events topic and written before the first event
        var generated = Path.Combine(_temp.FullName, "generated-truth.json");
        var generate = new GenerateSettings(ProduceHarness.Settings(broker.Bootstrap, "events", events).Stream, events,
            Path.Combine(_temp.FullName, "stream.csv"), OutputFormat.Csv, generated, Quiet: true);
        using (var sink = new MemoryStream())
            Assert.Equal(0, GenerateRunner.Run(generate, sink, TextWriter.Null, TestContext.Current.CancellationToken));
        Assert.Equal(File.ReadAllBytes(generated), File.ReadAllBytes(truthFile));
        var truth = Assert.Single(TopicReader.ReadAll(broker.Bootstrap, "events.truth", 1));
        Assert.Equal("events", Encoding.UTF8.GetString(truth.Message.Key!));
        Assert.Equal(File.ReadAllBytes(generated), truth.Message.Value);
        Assert.True(truth.Message.Timestamp.UnixTimestampMs <= parsed.Min(p => p.Record.Message.Timestamp.UnixTimestampMs));

        var summary = run.Summary;
        Assert.Equal("completed", summary.GetProperty("status").GetString());
        Assert.Equal(events, summary.GetProperty("produced").GetInt64());
        Assert.Equal(0, summary.GetProperty("firstEventId").GetInt64());
        Assert.Equal(events - 1, summary.GetProperty("lastEventId").GetInt64());
        Assert.Equal(0, summary.GetProperty("unconfirmed").GetInt64());
        Assert.Equal("events.truth", summary.GetProperty("truthTopic").GetString());
        var partitions = summary.GetProperty("partitions").EnumerateObject().ToDictionary(
            p => int.Parse(p.Name, System.Globalization.CultureInfo.InvariantCulture),
            p => (Acked: p.Value.GetProperty("acked").GetInt64(), LastOffset: p.Value.GetProperty("lastOffset").GetInt64()));
        var read = records.GroupBy(r => r.Partition.Value).ToDictionary(g => g.Key, g => (Acked: (long)g.Count(), LastOffset: g.Max(r => r.Offset.Value)));
        Assert.Equal(read.OrderBy(p => p.Key), partitions.OrderBy(p => p.Key));
    }

    [Fact]
    public async Task Clock_control_skews_emittedAt_and_a_stop_reports_exactly_what_is_in_the_topic()
    {
        await using var broker = TestBroker.Start();
        broker.CreateTopic("skewed", 2);
        using var stop = new CancellationTokenSource();
        var run = ProduceHarness.Start(ProduceHarness.Settings(broker.Bootstrap, "skewed", events: null, new LoadShape.Constant(500), clockControl: true), stop.Token);
        var http = await run.HttpAsync();
        using var client = new HttpClient { BaseAddress = http };
        await Eventually.WaitAsync(() => broker.RecordCount("skewed") >= 20, "some events before the clock is skewed");
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync(new Uri("/readyz", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);

        var skewedAt = DateTimeOffset.UtcNow;
        var put = await client.PutAsJsonAsync(new Uri("/control/clock", UriKind.Relative), new { offsetMs = 3_600_000 }, TestContext.Current.CancellationToken);
        Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        await Eventually.WaitAsync(
            () => TopicReader.ReadAll(broker.Bootstrap, "skewed", 2).Any(r => Parse(r).EmittedAt > skewedAt.AddMinutes(50)),
            "an event stamped by the skewed clock");
        await stop.CancelAsync();
        await run.ExitsWithAsync(0);

        var events = TopicReader.ReadAll(broker.Bootstrap, "skewed", 2).Select(Parse).ToList();
        Assert.Contains(events, e => e.EmittedAt < skewedAt.AddMinutes(1));
        Assert.Contains(events, e => e.EmittedAt > skewedAt.AddMinutes(50));
        var summary = run.Summary;
        Assert.Equal("stopped", summary.GetProperty("status").GetString());
        Assert.Equal(events.Count, summary.GetProperty("produced").GetInt64());
        Assert.Equal(events.Max(e => e.EventId), summary.GetProperty("lastEventId").GetInt64());
        Assert.Equal(0, summary.GetProperty("unconfirmed").GetInt64());

        // the run was open-ended, so the truth is published again for the count acknowledged: the latest record is exact
        var truth = TopicReader.ReadAll(broker.Bootstrap, "skewed.truth", 1);
        Assert.Equal(2, truth.Count);
        using var first = JsonDocument.Parse(truth[0].Message.Value);
        using var last = JsonDocument.Parse(truth[1].Message.Value);
        Assert.Equal(long.MaxValue, first.RootElement.GetProperty("totalEvents").GetInt64());
        Assert.Equal(events.Count, last.RootElement.GetProperty("totalEvents").GetInt64());
    }
}
