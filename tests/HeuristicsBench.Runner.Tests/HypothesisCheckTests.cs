using ChaosRunner.Run.Checking;
using HeuristicsBench.Experiments;

namespace HeuristicsBench.Runner.Tests;

public sealed class HypothesisCheckTests
{
    private static readonly Hypothesis TenSeconds = new(100, TimeSpan.FromSeconds(10));

    private static (double[] Times, double[] Lags) Series(Func<int, double> lag) =>
        ([.. Enumerable.Range(0, 60).Select(i => 1000.0 + i)], [.. Enumerable.Range(0, 60).Select(lag)]);

    [Fact]
    public void Low_lag_before_the_first_fault_and_at_the_end_holds()
    {
        var (t, l) = Series(i => i is >= 20 and < 35 ? 5000 : 10);
        Assert.Null(HypothesisCheck.Deviation(TenSeconds, t, l, 1000, 1020, 1030, 1060));
    }

    [Fact]
    public void High_lag_before_the_first_fault_is_a_deviation()
    {
        var (t, l) = Series(i => i == 15 ? 500 : 10);
        var deviation = HypothesisCheck.Deviation(TenSeconds, t, l, 1000, 1020, 1030, 1060);
        Assert.Contains("before the first fault lag reached 500", deviation, StringComparison.Ordinal);
    }

    [Fact]
    public void Lag_that_never_comes_back_is_a_deviation()
    {
        var (t, l) = Series(i => i >= 20 ? 5000 : 10);
        var deviation = HypothesisCheck.Deviation(TenSeconds, t, l, 1000, 1020, 1030, 1060);
        Assert.Contains("after the last fault lag was still 5000", deviation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fault_lasting_until_the_load_stops_leaves_the_after_part_not_checked_rather_than_deviated()
    {
        var (t, l) = Series(i => i >= 20 ? 5000 : 10);
        var result = HypothesisCheck.Deviation(TenSeconds, t, l, 1000, 1020, 1060, 1060);
        Assert.StartsWith(HypothesisCheck.NotChecked, result, StringComparison.Ordinal);
        var (t2, l2) = Series(i => i == 15 ? 500 : 10);
        Assert.Contains("before the first fault lag reached 500", HypothesisCheck.Deviation(TenSeconds, t2, l2, 1000, 1020, 1060, 1060), StringComparison.Ordinal);
    }
}
