using HeuristicsBench.Analysis.Peaks;

namespace HeuristicsBench.Analysis.Tests.Peaks;

public sealed class ProminencesTests
{
    [Fact]
    public void The_highest_peak_is_measured_down_to_the_higher_of_the_lowest_points_on_each_side()
    {
        double[] x = [0, 5, 1, 3, 0];
        Assert.Equal(new Prominence(5, 0, 4), Prominences.Of(x, 1));
    }

    [Fact]
    public void A_lower_peak_stops_at_the_slope_of_a_higher_one()
    {
        double[] x = [0, 5, 1, 3, 0];
        // Left of index 3 the line meets 5 at index 1, so the left base is the 1 at index 2.
        Assert.Equal(new Prominence(2, 2, 4), Prominences.Of(x, 3));
    }

    [Fact]
    public void A_peak_of_the_same_height_does_not_stop_the_line()
    {
        double[] x = [0, 3, 1, 3, 2];
        Assert.Equal(new Prominence(2, 0, 2), Prominences.Of(x, 1));
        Assert.Equal(new Prominence(1, 0, 4), Prominences.Of(x, 3));
    }

    [Fact]
    public void Among_equally_low_samples_the_base_nearest_to_the_peak_is_reported()
    {
        double[] x = [1, 0, 0, 4, 0, 0, 1];
        Assert.Equal(new Prominence(4, 2, 4), Prominences.Of(x, 3));
    }

    [Fact]
    public void A_plateau_peak_is_measured_from_its_reported_sample()
    {
        double[] x = [2, 6, 6, 6, 6, 1];
        Assert.Equal(new Prominence(4, 0, 5), Prominences.Of(x, 2));
    }

    [Fact]
    public void An_index_outside_the_signal_is_rejected()
    {
        double[] x = [0, 1, 0];
        Assert.Throws<ArgumentOutOfRangeException>(() => Prominences.Of(x, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => Prominences.Of(x, -1));
    }
}
