using HeuristicsBench.Analysis.Statistics;

namespace HeuristicsBench.Analysis.Tests.Statistics;

public sealed class MedianTests
{
    [Fact]
    public void Odd_count_gives_the_middle_value_whatever_the_order()
    {
        Assert.Equal(3, Median.Of([5, 3, 1]));
        Assert.Equal(7, Median.Of([7]));
    }

    [Fact]
    public void Even_count_gives_the_mean_of_the_two_middle_values()
    {
        Assert.Equal(396.5, Median.Of([400, 1, 393, 1000]));
    }

    [Fact]
    public void No_values_have_no_median()
    {
        Assert.Throws<ArgumentException>(() => Median.Of([]));
    }
}
