using LoadGenerator.Tests.Support;

namespace LoadGenerator.Tests.Production;

public sealed class DeliveryFailureTests
{
    [Fact]
    public async Task A_delivery_the_broker_refuses_for_good_ends_the_run_with_exit_1_naming_it_and_still_reports()
    {
        await using var broker = TestBroker.Start();
        broker.CreateTopic("tiny", 2, maxMessageBytes: 100); // smaller than any record batch of an event
        var run = ProduceHarness.Start(ProduceHarness.Settings(broker.Bootstrap, "tiny", events: 50), TestContext.Current.CancellationToken);
        await run.ExitsWithAsync(1);

        var error = Assert.Single(run.Stderr.Lines, l => l.StartsWith("error: ", StringComparison.Ordinal));
        Assert.StartsWith("error: delivery to tiny partition ", error, StringComparison.Ordinal);
        Assert.Contains("failed after 0 acknowledged events", error, StringComparison.Ordinal);
        var summary = run.Summary;
        Assert.Equal("failed", summary.GetProperty("status").GetString());
        Assert.Equal(0, summary.GetProperty("produced").GetInt64());
        Assert.Equal(error["error: ".Length..], summary.GetProperty("error").GetString());
        Assert.Equal(0, broker.RecordCount("tiny"));
        Assert.Equal(1, broker.RecordCount("tiny.truth")); // the truth went out before the first event
    }
}
