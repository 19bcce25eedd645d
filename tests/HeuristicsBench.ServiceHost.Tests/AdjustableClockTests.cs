using Microsoft.Extensions.Time.Testing;

namespace HeuristicsBench.ServiceHost.Tests;

public class AdjustableClockTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static (FakeTimeProvider Time, AdjustableClock Clock) NewClock()
    {
        var time = new FakeTimeProvider(Start);
        return (time, new AdjustableClock(time));
    }

    [Fact]
    public void Unskewed_clock_reports_the_inner_time()
    {
        var (time, clock) = NewClock();
        time.Advance(TimeSpan.FromMinutes(3));
        Assert.Equal(Start.AddMinutes(3), clock.GetUtcNow());
        Assert.Equal(TimeSpan.Zero, clock.CurrentSkew);
        Assert.Same(ClockSkew.None, clock.Skew);
    }

    [Fact]
    public void Offset_shifts_the_time_and_stays_fixed_without_drift()
    {
        var (time, clock) = NewClock();
        clock.Set(TimeSpan.FromSeconds(-5), 0);
        Assert.Equal(Start.AddSeconds(-5), clock.GetUtcNow());
        time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(Start.AddHours(1).AddSeconds(-5), clock.GetUtcNow());
        Assert.Equal(TimeSpan.FromSeconds(-5), clock.CurrentSkew);
    }

    [Fact]
    public void Positive_drift_runs_fast_and_accumulates_with_elapsed_time()
    {
        var (time, clock) = NewClock();
        clock.Set(TimeSpan.FromSeconds(1), 100);
        Assert.Equal(TimeSpan.FromSeconds(1), clock.CurrentSkew);
        time.Advance(TimeSpan.FromSeconds(10)); // 10 s × 100 ppm = 1 ms
        Assert.Equal(TimeSpan.FromMilliseconds(1001), clock.CurrentSkew);
        time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(TimeSpan.FromMilliseconds(1002), clock.CurrentSkew);
        Assert.Equal(Start.AddSeconds(20).AddMilliseconds(1002), clock.GetUtcNow());
    }

    [Fact]
    public void Negative_drift_runs_slow()
    {
        var (time, clock) = NewClock();
        clock.Set(TimeSpan.Zero, -500);
        time.Advance(TimeSpan.FromSeconds(100)); // 100 s × −500 ppm = −50 ms
        Assert.Equal(TimeSpan.FromMilliseconds(-50), clock.CurrentSkew);
        Assert.Equal(Start.AddSeconds(100).AddMilliseconds(-50), clock.GetUtcNow());
    }

    [Fact]
    public void Drift_of_minus_a_million_ppm_stops_the_clock()
    {
        var (time, clock) = NewClock();
        clock.Set(TimeSpan.Zero, -AdjustableClock.MaxDriftPpm);
        var before = clock.GetUtcNow();
        time.Advance(TimeSpan.FromMinutes(7));
        Assert.Equal(before, clock.GetUtcNow());
    }

    [Fact]
    public void Drift_that_is_not_a_whole_number_of_ticks_rounds_to_the_nearest()
    {
        // 3 ticks × 500 000 ppm = 1.5 ticks: rounds to 2 (banker's rounding would also give 2), truncation gives 1
        var skew = new ClockSkew(TimeSpan.Zero, 500_000, 0);
        Assert.Equal(2, skew.At(TimeSpan.FromTicks(3)).Ticks);
        Assert.Equal(-2, (skew with { DriftPpm = -500_000 }).At(TimeSpan.FromTicks(3)).Ticks);
        // 7 ticks × 300 000 ppm = 2.1 ticks
        Assert.Equal(2, (skew with { DriftPpm = 300_000 }).At(TimeSpan.FromTicks(7)).Ticks);
    }

    [Fact]
    public void Setting_again_restarts_the_drift_from_now()
    {
        var (time, clock) = NewClock();
        clock.Set(TimeSpan.Zero, 1000);
        time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(TimeSpan.FromMilliseconds(10), clock.CurrentSkew);
        clock.Set(TimeSpan.Zero, 1000);
        Assert.Equal(TimeSpan.Zero, clock.CurrentSkew);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(TimeSpan.FromMilliseconds(1), clock.CurrentSkew);
    }

    [Fact]
    public void Reset_removes_offset_and_drift()
    {
        var (time, clock) = NewClock();
        clock.Set(TimeSpan.FromMinutes(2), 250);
        time.Advance(TimeSpan.FromSeconds(40));
        clock.Reset();
        Assert.Same(ClockSkew.None, clock.Skew);
        Assert.Equal(time.GetUtcNow(), clock.GetUtcNow());
        time.Advance(TimeSpan.FromSeconds(40));
        Assert.Equal(time.GetUtcNow(), clock.GetUtcNow());
    }

    [Fact]
    public void Monotonic_time_and_timers_ignore_the_skew()
    {
        var (time, clock) = NewClock();
        var start = clock.GetTimestamp();
        clock.Set(TimeSpan.FromHours(-3), 200_000);
        Assert.Equal(time.GetTimestamp(), clock.GetTimestamp());
        Assert.Equal(time.TimestampFrequency, clock.TimestampFrequency);
        var fired = 0;
        using var timer = clock.CreateTimer(_ => Interlocked.Increment(ref fired), null, TimeSpan.FromSeconds(10), Timeout.InfiniteTimeSpan);
        time.Advance(TimeSpan.FromSeconds(9));
        Assert.Equal(0, Volatile.Read(ref fired));
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, Volatile.Read(ref fired));
        Assert.Equal(TimeSpan.FromSeconds(10), clock.GetElapsedTime(start));
        Assert.Equal(time.GetTimestamp(), clock.GetTimestamp());
    }

    [Fact]
    public void Read_gives_one_consistent_view()
    {
        var (time, clock) = NewClock();
        clock.Set(TimeSpan.FromSeconds(3), 1000);
        time.Advance(TimeSpan.FromSeconds(2));
        var (skew, current, now) = clock.Read();
        Assert.Equal(TimeSpan.FromSeconds(3), skew.Offset);
        Assert.Equal(1000, skew.DriftPpm);
        Assert.Equal(TimeSpan.FromMilliseconds(3002), current);
        Assert.Equal(time.GetUtcNow() + current, now);
    }

    [Fact]
    public void Limits_themselves_are_accepted()
    {
        var (_, clock) = NewClock();
        clock.Set(AdjustableClock.MaxOffset, AdjustableClock.MaxDriftPpm);
        clock.Set(-AdjustableClock.MaxOffset, -AdjustableClock.MaxDriftPpm);
        Assert.Equal(-AdjustableClock.MaxOffset, clock.CurrentSkew);
    }

    public static TheoryData<TimeSpan> OffsetsOutOfRange =>
        new(AdjustableClock.MaxOffset + TimeSpan.FromTicks(1), -AdjustableClock.MaxOffset - TimeSpan.FromTicks(1), TimeSpan.MaxValue, TimeSpan.MinValue);

    [Theory]
    [MemberData(nameof(OffsetsOutOfRange))]
    public void Offset_out_of_range_is_refused_and_leaves_the_skew(TimeSpan offset)
    {
        var (_, clock) = NewClock();
        clock.Set(TimeSpan.FromSeconds(1), 10);
        var before = clock.Skew;
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => clock.Set(offset, 0));
        Assert.Equal("offset", e.ParamName);
        Assert.Same(before, clock.Skew);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    [InlineData(1_000_000.001)]
    [InlineData(-2e6)]
    public void Drift_out_of_range_is_refused_and_leaves_the_skew(double driftPpm)
    {
        var (_, clock) = NewClock();
        clock.Set(TimeSpan.FromSeconds(1), 10);
        var before = clock.Skew;
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => clock.Set(TimeSpan.Zero, driftPpm));
        Assert.Equal("driftPpm", e.ParamName);
        Assert.Same(before, clock.Skew);
    }
}
