using HeuristicsBench.Analysis.Peaks;

namespace HeuristicsBench.Analysis.Tests.Peaks;

public sealed class LocalMaximaTests
{
    private static LocalMaximum[] Find(params double[] x) => [.. LocalMaxima.Find(x)];

    [Fact]
    public void A_sample_above_both_neighbours_is_a_maximum()
    {
        Assert.Equal([new LocalMaximum(1, 1, 1), new LocalMaximum(3, 3, 3)], Find(0, 1, 0, 2, 1));
    }

    [Fact]
    public void The_first_and_last_samples_are_never_maxima()
    {
        Assert.Empty(Find(5, 1, 5));
        Assert.Empty(Find(9));
        Assert.Empty(Find(1, 9));
        Assert.Empty(Find());
    }

    [Fact]
    public void A_flat_top_reports_its_middle_sample_rounded_down()
    {
        Assert.Equal([new LocalMaximum(2, 1, 3)], Find(0, 2, 2, 2, 0));
        Assert.Equal([new LocalMaximum(1, 1, 2)], Find(0, 2, 2, 0));
        Assert.Equal([new LocalMaximum(2, 1, 4)], Find(0, 7, 7, 7, 7, 3));
    }

    [Fact]
    public void A_flat_run_touching_either_end_is_not_a_maximum()
    {
        Assert.Empty(Find(0, 1, 2, 2));
        Assert.Empty(Find(2, 2, 1, 0));
        Assert.Empty(Find(3, 3, 3));
    }

    [Fact]
    public void A_flat_step_on_the_way_up_or_down_is_not_a_maximum()
    {
        Assert.Equal([new LocalMaximum(3, 3, 3)], Find(0, 1, 1, 2, 0));
        Assert.Equal([new LocalMaximum(1, 1, 1)], Find(0, 2, 1, 1, 0));
    }

    [Fact]
    public void Equal_neighbours_on_one_side_only_do_not_make_a_maximum()
    {
        Assert.Empty(Find(1, 1, 0));
        Assert.Empty(Find(0, 1, 1));
    }
}
