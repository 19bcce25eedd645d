namespace HeuristicsBench.ServiceHost.Tests;

/// <summary>The checks that keep values <see cref="TimeSpan"/> cannot hold away from it (NaN cannot arrive as JSON, so it is tested here).</summary>
public class ClockRequestTests
{
    [Fact]
    public void Absent_fields_are_zero()
    {
        Assert.True(new ClockRequest(null, null).TryGetSkew(out var offset, out var drift, out var error), error);
        Assert.Equal(TimeSpan.Zero, offset);
        Assert.Equal(0, drift);
    }

    [Fact]
    public void Fractional_milliseconds_are_kept()
    {
        Assert.True(new ClockRequest(1.5, -12.25).TryGetSkew(out var offset, out var drift, out var error), error);
        Assert.Equal(TimeSpan.FromTicks(15_000), offset);
        Assert.Equal(-12.25, drift);
    }

    [Theory]
    [InlineData(double.NaN, "offsetMs")]
    [InlineData(double.PositiveInfinity, "offsetMs")]
    [InlineData(1e300, "offsetMs")]
    [InlineData(-86_400_000.5, "offsetMs")]
    public void Offset_that_is_not_a_finite_number_within_a_day_is_refused(double offsetMs, string named)
    {
        Assert.False(new ClockRequest(offsetMs, 0).TryGetSkew(out _, out _, out var error));
        Assert.StartsWith(named, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.NegativeInfinity)]
    [InlineData(1_000_001)]
    public void Drift_that_is_not_a_finite_number_within_a_million_ppm_is_refused(double driftPpm)
    {
        Assert.False(new ClockRequest(0, driftPpm).TryGetSkew(out _, out _, out var error));
        Assert.StartsWith("driftPpm", error, StringComparison.Ordinal);
    }
}
