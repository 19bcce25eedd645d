using System.Diagnostics;
using LoadGenerator.Production;

namespace LoadGenerator.Tests.Production;

/// <summary>The reporter driven with explicit timestamps: no wall-clock timing.</summary>
public sealed class ProduceReporterTests
{
    private static readonly long T0 = Stopwatch.GetTimestamp();

    private static long At(double seconds) => T0 + (long)(seconds * Stopwatch.Frequency);

    [Fact]
    public void Warns_at_most_every_five_seconds_while_nothing_is_acknowledged_then_says_when_it_recovers()
    {
        var tally = new ProduceTally(T0);
        for (var i = 0; i < 5; i++)
            tally.OnHanded();
        var client = new ClientEvents();
        client.OnError("Connect to ipv4#127.0.0.1:9 failed: Connection refused", fatal: false);
        var metrics = new ProduceMetrics();
        var stderr = new StringWriter();
        var reporter = new ProduceReporter(tally, pacer: null, metrics, client, stderr, quiet: true, maxInFlight: 5, events: null);

        reporter.Tick(At(1));
        Assert.Equal("", stderr.ToString());
        Assert.Equal(5, metrics.InFlight.Value);
        foreach (var second in new[] { 4, 5, 6, 8.5, 9.5 })
            reporter.Tick(At(second));
        var warnings = stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, warnings.Length); // at 4 s and at 9.5 s
        Assert.Equal(
            "warning: broker unreachable? 5 events in flight (the --max-in-flight bound: pacing waits), none acknowledged for 4.0 s; " +
            "last client error: Connect to ipv4#127.0.0.1:9 failed: Connection refused", warnings[0]);
        Assert.Contains("none acknowledged for 9.5 s", warnings[1], StringComparison.Ordinal);

        tally.OnAcknowledged(eventId: 0, partition: 0, offset: 0, now: At(10));
        reporter.Tick(At(10.5));
        Assert.StartsWith("recovered: acknowledgements flowing again; 4 in flight", stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1], StringComparison.Ordinal);
        Assert.Equal(4, metrics.InFlight.Value);
    }

    [Fact]
    public void Waiting_only_for_the_ground_truth_is_named_as_such()
    {
        var stderr = new StringWriter();
        var reporter = new ProduceReporter(new ProduceTally(T0), null, new ProduceMetrics(), new ClientEvents(), stderr, quiet: true, 1000, 10)
        {
            TruthPending = true,
        };
        reporter.Tick(At(3.5));
        Assert.Equal("warning: broker unreachable? the ground truth in flight, none acknowledged for 3.5 s", stderr.ToString().TrimEnd());
    }
}
