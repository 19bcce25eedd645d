using HeuristicsBench.Analysis.Peaks;

namespace HeuristicsBench.Analysis.Tests.Peaks;

public sealed class PeakFinderTests
{
    [Fact]
    public void The_minimum_prominence_is_inclusive()
    {
        double[] x = [10, 60, 10, 40, 10];
        Assert.Equal([1], PeakFinder.Find(x, 50).Select(p => p.Index));
        Assert.Equal([1, 3], PeakFinder.Find(x, 30).Select(p => p.Index));
        Assert.Empty(PeakFinder.Find(x, 50.000001));
    }

    [Fact]
    public void A_small_wiggle_on_a_big_hill_is_not_prominent()
    {
        // The bump at index 4 rises 20 above its dip; the hill's summit at index 2 is prominent.
        double[] x = [0, 100, 200, 150, 170, 100, 0];
        var peaks = PeakFinder.Find(x, 50);
        Assert.Equal([2], peaks.Select(p => p.Index));
        Assert.Equal(200, peaks[0].Prominence.Value);
    }

    [Fact]
    public void Peaks_keep_their_plateau_edges_and_bases()
    {
        double[] x = [0, 80, 80, 80, 80, 5];
        var peak = Assert.Single(PeakFinder.Find(x, 50));
        Assert.Equal(new LocalMaximum(2, 1, 4), peak.Maximum);
        Assert.Equal(new Prominence(75, 0, 5), peak.Prominence);
    }

    [Fact]
    public void NaN_in_the_signal_is_rejected()
    {
        double[] x = [0, double.NaN, 0];
        Assert.Throws<ArgumentException>(() => PeakFinder.Find(x, 1));
    }
}
