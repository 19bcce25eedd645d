using System.Globalization;
using HeuristicsBench.EventLogs;
using HeuristicsBench.Workloads.Pacing;
using LoadGenerator.Tests.Support;

namespace LoadGenerator.Tests.Production;

public sealed class BrokerOutageTests
{
    [Fact]
    public async Task A_broker_restart_mid_stream_loses_and_duplicates_nothing_and_the_in_flight_bound_holds()
    {
        const int events = 6000;
        const int maxInFlight = 400;
        await using var broker = TestBroker.Start();
        broker.CreateTopic("outage", 4);
        var run = ProduceHarness.Start(ProduceHarness.Settings(broker.Bootstrap, "outage", events, new LoadShape.Constant(4000), maxInFlight),
            TestContext.Current.CancellationToken);
        using var client = new HttpClient { BaseAddress = await run.HttpAsync() };

        await Eventually.WaitAsync(() => broker.RecordCount("outage") >= 1000, "1000 events before the outage");
        await broker.StopAsync();
        // while the broker is away: the buffer fills to the bound and stays there, and the service is not ready
        await Eventually.WaitAsync(async () => await Gauge(client, "loadgen_in_flight") == maxInFlight, $"loadgen_in_flight = {maxInFlight}");
        await Eventually.WaitAsync(async () => (await client.GetAsync(new Uri("/readyz", UriKind.Relative))).StatusCode == System.Net.HttpStatusCode.ServiceUnavailable,
            "/readyz answering 503");
        Assert.False(run.Exit.IsCompleted);
        await broker.StartAgainAsync();
        await run.ExitsWithAsync(0);

        var ids = TopicReader.ReadAll(broker.Bootstrap, "outage", 4).Select(r =>
        {
            Assert.True(StreamEventJson.TryParse(r.Message.Value, out var e, out var error), error);
            return e!.EventId;
        }).ToList();
        Assert.Equal(events, ids.Count);                                                    // no duplicate ...
        Assert.Equal(Enumerable.Range(0, events).Select(i => (long)i), ids.Order());         // ... and none lost
        var summary = run.Summary;
        Assert.Equal(events, summary.GetProperty("produced").GetInt64());
        Assert.Equal(maxInFlight, summary.GetProperty("peakInFlight").GetInt64());           // reached, never exceeded
    }

    private static async Task<double> Gauge(HttpClient client, string name)
    {
        var text = await client.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        var line = text.Split('\n').Single(l => l.StartsWith(name + " ", StringComparison.Ordinal));
        return double.Parse(line[(name.Length + 1)..], CultureInfo.InvariantCulture);
    }
}
