using HeuristicsMiner.Algorithm.Model;

namespace HeuristicsMiner.Tests;

public class ModelThresholdsTests
{
    [Fact]
    public void Defaults_match_the_brief()
    {
        var t = ModelThresholds.Default;
        Assert.Equal(0.9, t.DependencyThreshold);
        Assert.Equal(10, t.PositiveObservations);
        Assert.Equal(0.1, t.AndThreshold);
        Assert.Null(t.RelativeToBest);
    }

    [Fact]
    public void Validate_names_the_bad_threshold()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => (ModelThresholds.Default with { AndThreshold = 1.5 }).Validate());
        Assert.Equal("AndThreshold", ex.ParamName);
    }
}
