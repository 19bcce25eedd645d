using HeuristicsBench.Analysis.Peaks;
using HeuristicsBench.Analysis.Tests.Support;

namespace HeuristicsBench.Analysis.Tests.Peaks;

/// <summary>
/// Our peak finding against scipy's own answers on 700 generated signals (plateaus, ties, edges, floats,
/// lag-like ramps); see TestData/scipy-oracle/README.md for how the file was made.
/// </summary>
public sealed class ScipyOracleTests
{
    private static readonly IReadOnlyList<PeaksOracle> Cases =
        PeaksOracle.Load(Path.Combine(AppContext.BaseDirectory, "TestData", "scipy-oracle", "peaks-oracle.txt"));

    [Fact]
    public void The_oracle_file_holds_the_expected_cases_with_plateaus_and_empty_signals()
    {
        Assert.Equal(700, Cases.Count);
        Assert.Contains(Cases, c => c.Maxima.Any(m => m.Right > m.Left));
        Assert.Contains(Cases, c => c.Signal.Length == 0);
    }

    [Fact]
    public void Local_maxima_and_plateau_edges_equal_scipy()
    {
        foreach (var c in Cases)
        {
            var ours = LocalMaxima.Find(c.Signal).Select(m => (m.Index, m.LeftEdge, m.RightEdge)).ToArray();
            Assert.True(c.Maxima.SequenceEqual(ours), $"signal [{string.Join(' ', c.Signal)}]");
        }
    }

    [Fact]
    public void Prominences_and_bases_equal_scipy()
    {
        foreach (var c in Cases)
        {
            var ours = c.Maxima.Select(m => Prominences.Of(c.Signal, m.Index)).Select(p => (p.Value, p.LeftBase, p.RightBase)).ToArray();
            Assert.True(c.Prominences.SequenceEqual(ours), $"signal [{string.Join(' ', c.Signal)}]");
        }
    }

    [Fact]
    public void Peaks_kept_for_a_minimum_prominence_equal_scipy()
    {
        foreach (var c in Cases)
        {
            var ours = PeakFinder.Find(c.Signal, c.MinimumProminence).Select(p => p.Index).ToArray();
            Assert.True(c.Selected.SequenceEqual(ours), $"signal [{string.Join(' ', c.Signal)}] prominence {c.MinimumProminence}");
        }
    }
}
