using ChaosRunner.Run.Checking;

namespace HeuristicsBench.Runner.Tests;

/// <summary>Each checker passes on a clean run and fails, naming the numbers, on the problem it exists to find.</summary>
public sealed class CheckersTests
{
    private const string Json = "{\"eventsProcessed\":30}";

    private static CheckInput Clean() => new(
        Acknowledged: 30,
        HighWatermarks: [10, 20],
        Final: new FinalModel(new Dictionary<int, long> { [0] = 10, [1] = 20 }, 30, Json),
        BaselineJson: Json,
        StillAlive: []);

    [Fact]
    public void A_clean_run_passes_every_checker()
    {
        var verdicts = Checkers.All(Clean());
        Assert.Equal(4, verdicts.Count);
        Assert.All(verdicts, v => Assert.True(v.Passed, v.Checker + ": " + v.Detail));
    }

    [Fact]
    public void An_acknowledged_event_missing_from_the_topic_is_a_lost_event()
    {
        var v = Checkers.LostEvents(Clean() with { Acknowledged = 31 });
        Assert.False(v.Passed);
        Assert.Contains("31", v.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_final_model_short_of_a_high_watermark_is_a_lost_event()
    {
        var input = Clean() with { Final = new FinalModel(new Dictionary<int, long> { [0] = 10, [1] = 19 }, 29, Json) };
        var v = Checkers.LostEvents(input);
        Assert.False(v.Passed);
        Assert.Contains("partition 1: model at 19 of 20", v.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void No_model_at_all_with_events_in_the_topic_is_a_lost_event()
    {
        Assert.False(Checkers.LostEvents(Clean() with { Final = null }).Passed);
    }

    [Fact]
    public void Counting_more_events_than_the_offsets_cover_is_double_counting()
    {
        var input = Clean() with { Final = new FinalModel(new Dictionary<int, long> { [0] = 10, [1] = 20 }, 31, Json) };
        var v = Checkers.DoubleCounting(input);
        Assert.False(v.Passed);
        Assert.Contains("31", v.Detail, StringComparison.Ordinal);
        Assert.True(Checkers.LostEvents(input).Passed);
    }

    [Fact]
    public void A_final_model_different_from_offline_mining_fails_and_shows_where()
    {
        var v = Checkers.Baseline(Clean() with { BaselineJson = "{\"eventsProcessed\":29}" });
        Assert.False(v.Passed);
        Assert.Contains("at character", v.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_process_still_alive_after_the_run_is_an_orphan()
    {
        var v = Checkers.Orphans(Clean() with { StillAlive = [("miner", 4242)] });
        Assert.False(v.Passed);
        Assert.Contains("miner pid 4242", v.Detail, StringComparison.Ordinal);
    }
}
