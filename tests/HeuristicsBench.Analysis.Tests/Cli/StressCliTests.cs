using System.CommandLine;
using System.Diagnostics;
using ChaosRunner;
using ChaosRunner.Stress;

namespace HeuristicsBench.Analysis.Tests.Cli;

public sealed class StressCliTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static ParseResult Parse(params string[] args) => new RootCommand { StressCommand.Create() }.Parse(["stress", .. args]);

    [Theory]
    [InlineData("--threads", "0", "--threads 0: must be between 1 and 256")]
    [InlineData("--threads", "257", "--threads 257: must be between 1 and 256")]
    [InlineData("--percent", "0", "--percent 0: must be between 1 and 100")]
    [InlineData("--percent", "101", "--percent 101: must be between 1 and 100")]
    [InlineData("--duration", "30", "--duration 30: not a duration such as 500ms, 30s, 2m or 1h30m")]
    [InlineData("--duration", "2d", "--duration 2d: not a duration")]
    [InlineData("--duration", "0", "--duration 0: must be longer than 0")]
    [InlineData("--duration", "-5s", "--duration -5s: must be longer than 0")]
    [InlineData("--duration", "9000h", "--duration 9000h: at most 25 days")]
    public void Out_of_range_values_are_errors_naming_the_option(string option, string value, string expected)
    {
        string[] args = ["--threads", "2", "--percent", "50"];
        int at = Array.IndexOf(args, option);
        if (at >= 0)
            args[at + 1] = value;
        else
            args = [.. args, option, value];

        var error = Assert.Single(Parse(args).Errors);
        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Threads_and_percent_are_required_and_the_bounds_are_accepted()
    {
        Assert.NotEmpty(Parse("--percent", "50").Errors);
        Assert.NotEmpty(Parse("--threads", "1").Errors);
        Assert.Empty(Parse("--threads", "1", "--percent", "1").Errors);
        Assert.Empty(Parse("--threads", "256", "--percent", "100", "--duration", "1h30m").Errors);
    }

    [Theory]
    [InlineData(1, 1, 99)]
    [InlineData(30, 30, 70)]
    [InlineData(100, 100, 0)]
    public void Each_period_of_100_ms_is_split_into_percent_ms_busy_and_the_rest_idle(int percent, int busyMs, int idleMs)
    {
        var cycle = new DutyCycle(percent, DutyCycle.DefaultPeriod);

        Assert.Equal(TimeSpan.FromMilliseconds(busyMs), cycle.Busy);
        Assert.Equal(TimeSpan.FromMilliseconds(idleMs), cycle.Idle);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public void A_duty_cycle_refuses_percentages_outside_1_to_100(int percent)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new DutyCycle(percent, DutyCycle.DefaultPeriod));
    }

    [Theory]
    [InlineData(100)]
    [InlineData(20)]
    public void A_running_cycle_returns_soon_after_it_is_cancelled(int percent)
    {
        var cycle = new DutyCycle(percent, TimeSpan.FromSeconds(1)); // long periods: neither spin nor sleep may outlast a stop
        using var stop = new CancellationTokenSource();
        var thread = new Thread(() => cycle.Run(stop.Token));
        thread.Start();
        Thread.Sleep(350);

        var clock = Stopwatch.StartNew();
        stop.Cancel();
        Assert.True(thread.Join(TimeSpan.FromSeconds(5)), "the cycle did not stop");
        Assert.True(clock.Elapsed < TimeSpan.FromMilliseconds(500), $"stopping took {clock.Elapsed}");
    }

    [Fact]
    public async Task It_prints_ready_and_stops_with_exit_0_when_cancelled()
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        var stdout = new ReadyWriter();
        var stderr = new StringWriter();

        var run = StressCli.RunAsync(new StressSettings(Threads: 2, Percent: 10, Duration: null), stdout, stderr, stop.Token);
        await stdout.Ready.WaitAsync(TimeSpan.FromSeconds(10), Cancel);
        Assert.False(run.IsCompleted);
        var clock = Stopwatch.StartNew();
        await stop.CancelAsync();

        Assert.Equal(ExitCodes.Success, await run.WaitAsync(TimeSpan.FromSeconds(5), Cancel));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"stopping took {clock.Elapsed}");
        Assert.Equal("ready" + Environment.NewLine, stdout.ToString());
        Assert.Contains("stress: stopped", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task It_stops_by_itself_after_the_duration()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var clock = Stopwatch.StartNew();

        int code = await StressCli.RunAsync(new StressSettings(Threads: 1, Percent: 5, Duration: TimeSpan.FromMilliseconds(300)), stdout, stderr, Cancel)
            .WaitAsync(TimeSpan.FromSeconds(10), Cancel);

        Assert.Equal(ExitCodes.Success, code);
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(300), $"ended after {clock.Elapsed}");
        Assert.Equal("ready" + Environment.NewLine, stdout.ToString());
        Assert.Contains("stress: duration reached", stderr.ToString(), StringComparison.Ordinal);
    }

    /// <summary>A StringWriter whose <see cref="Ready"/> completes when the line "ready" has been written.</summary>
    private sealed class ReadyWriter : StringWriter
    {
        private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Ready => _ready.Task;

        public override Task WriteLineAsync(string? value)
        {
            var written = base.WriteLineAsync(value);
            if (value == "ready")
                _ready.TrySetResult();
            return written;
        }
    }
}
