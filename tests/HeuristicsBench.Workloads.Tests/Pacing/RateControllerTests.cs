using HeuristicsBench.Workloads.Pacing;
using Microsoft.Extensions.Time.Testing;

namespace HeuristicsBench.Workloads.Tests.Pacing;

/// <summary>Pacing on a fake clock that advances only when the controller sleeps: no wall-clock timing.</summary>
public class RateControllerTests
{
    private static async Task<(FakeTimeProvider Time, List<TimeSpan> Releases)> Run(LoadShape shape, int events)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)) { AutoAdvanceAmount = TimeSpan.Zero };
        var controller = new RateController(shape, time);
        var start = time.GetTimestamp();
        var releases = new List<TimeSpan>();
        for (var i = 0; i < events; i++)
        {
            var wait = controller.WaitAsync(TestContext.Current.CancellationToken).AsTask();
            while (!wait.IsCompleted)
            {
                time.Advance(TimeSpan.FromMilliseconds(1));
                await Task.Yield();
            }
            await wait;
            releases.Add(time.GetElapsedTime(start));
        }
        return (time, releases);
    }

    [Fact]
    public async Task Constant_rate_releases_one_event_per_period()
    {
        var (_, releases) = await Run(new LoadShape.Constant(100), 201);
        Assert.InRange(releases[^1].TotalSeconds, 1.99, 2.01);
        Assert.InRange(releases[100].TotalSeconds, 0.99, 1.01);
    }

    [Fact]
    public async Task Step_doubles_the_pace_after_the_step()
    {
        var (_, releases) = await Run(new LoadShape.Step(100, 200, TimeSpan.FromSeconds(1)), 301);
        Assert.InRange(releases[100].TotalSeconds, 0.99, 1.01);
        Assert.InRange(releases[300].TotalSeconds, 1.99, 2.01);
    }

    [Fact]
    public async Task Ramp_releases_as_many_events_as_the_area_under_the_rate()
    {
        // 100 → 300 events/s over 2 s: area = 400 events.
        var (_, releases) = await Run(new LoadShape.Ramp(100, 300, TimeSpan.FromSeconds(2)), 401);
        Assert.InRange(releases[400].TotalSeconds, 1.97, 2.03);
    }

    [Fact]
    public async Task Behind_schedule_releases_without_waiting()
    {
        var time = new FakeTimeProvider();
        var controller = new RateController(new LoadShape.Constant(10), time);
        await controller.WaitAsync(TestContext.Current.CancellationToken);
        time.Advance(TimeSpan.FromSeconds(5));
        for (var i = 0; i < 40; i++)
        {
            var wait = controller.WaitAsync(TestContext.Current.CancellationToken).AsTask();
            Assert.True(wait.IsCompleted, $"event {i} waited although 5 s behind");
            await wait;
        }
    }

    [Fact]
    public async Task Behind_schedule_grows_while_nobody_asks_and_shrinks_with_the_catch_up()
    {
        var time = new FakeTimeProvider();
        var controller = new RateController(new LoadShape.Step(10, 20, TimeSpan.FromSeconds(3)), time);
        Assert.Equal(TimeSpan.Zero, controller.BehindSchedule);
        Assert.Equal(10, controller.TargetRate);

        await controller.WaitAsync(TestContext.Current.CancellationToken);
        Assert.Equal(TimeSpan.Zero, controller.BehindSchedule); // the next event is due at 0.1 s
        time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(4.9, controller.BehindSchedule.TotalSeconds, 9);
        Assert.Equal(20, controller.TargetRate);

        for (var i = 0; i < 40; i++)
            await controller.WaitAsync(TestContext.Current.CancellationToken);
        // 41 released: 30 due by 3 s, then 11 more at 20/s: the next is due at 3.55 s
        Assert.Equal(1.45, controller.BehindSchedule.TotalSeconds, 6);
    }

    [Theory]
    [InlineData("constant:1000", typeof(LoadShape.Constant))]
    [InlineData("step:100,500@30s", typeof(LoadShape.Step))]
    [InlineData("ramp:100,5000/2m", typeof(LoadShape.Ramp))]
    [InlineData("sine:1000,500/60s", typeof(LoadShape.Sine))]
    [InlineData("spike:1000,10000@30s/500ms", typeof(LoadShape.Spike))]
    public void Shapes_parse_to_their_kind(string text, Type kind) => Assert.IsType(kind, LoadShape.Parse(text));

    [Fact]
    public void Parsed_step_and_ramp_have_the_given_values()
    {
        Assert.Equal(new LoadShape.Step(100, 500, TimeSpan.FromSeconds(30)), LoadShape.Parse("step:100,500@30s"));
        Assert.Equal(new LoadShape.Ramp(100, 5000, TimeSpan.FromMinutes(2)), LoadShape.Parse("ramp:100,5000/2m"));
    }

    [Fact]
    public void Parsed_shapes_have_the_given_rates()
    {
        var spike = LoadShape.Parse("spike:1000,10000@30s/500ms");
        Assert.Equal(1000, spike.RateAt(TimeSpan.FromSeconds(29.9)));
        Assert.Equal(10000, spike.RateAt(TimeSpan.FromSeconds(30.2)));
        Assert.Equal(1000, spike.RateAt(TimeSpan.FromSeconds(30.5)));
        Assert.Equal(1500, LoadShape.Parse("sine:1000,500/60s").RateAt(TimeSpan.FromSeconds(15)), 9);
    }

    [Theory]
    [InlineData("constant:0", "rates must stay positive")]
    [InlineData("sine:100,200/10s", "rates must stay positive")]
    [InlineData("burst:5", "not a load shape")]
    [InlineData("ramp:1,2/soon", "not a duration")]
    [InlineData("constant:fast", "not a rate")]
    public void Bad_shapes_say_what_is_wrong(string text, string message) =>
        Assert.Contains(message, Assert.Throws<FormatException>(() => LoadShape.Parse(text)).Message, StringComparison.Ordinal);
}

public class RateControllerLowRateTests
{
    [Fact]
    public async Task A_spike_after_a_slow_interval_is_not_jumped_over()
    {
        // 0.1 events/s until 1 s, then 1000/s for 5 s: the second event falls inside the spike, not at 10 s.
        var time = new FakeTimeProvider();
        var controller = new RateController(LoadShape.Parse("spike:0.1,1000@1s/5s"), time);
        var start = time.GetTimestamp();
        for (var i = 0; i < 2; i++)
        {
            var wait = controller.WaitAsync(TestContext.Current.CancellationToken).AsTask();
            while (!wait.IsCompleted)
            {
                time.Advance(TimeSpan.FromMilliseconds(1));
                await Task.Yield();
            }
            await wait;
        }
        Assert.InRange(time.GetElapsedTime(start).TotalSeconds, 1.0, 1.1);
    }

    [Theory]
    [InlineData("constant:1e-12", "below")]
    [InlineData("step:1,2@1e20", "longer than")]
    public void Extreme_values_are_format_errors(string text, string message) =>
        Assert.Contains(message, Assert.Throws<FormatException>(() => LoadShape.Parse(text)).Message, StringComparison.Ordinal);
}
