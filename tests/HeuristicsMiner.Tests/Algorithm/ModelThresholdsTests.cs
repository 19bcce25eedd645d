using HeuristicsMiner.Algorithm.Model;

namespace HeuristicsMiner.Tests.Algorithm;

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

    [Theory]
    [InlineData(1.5, 0.1, "DependencyThreshold")]
    [InlineData(0.9, -0.1, "AndThreshold")]
    public void Validate_names_the_bad_threshold(double dependency, double and, string name)
    {
        var t = ModelThresholds.Default with { DependencyThreshold = dependency, AndThreshold = and };
        var ex = Assert.Throws<ArgumentOutOfRangeException>(t.Validate);
        Assert.Equal(name, ex.ParamName);
    }
}
