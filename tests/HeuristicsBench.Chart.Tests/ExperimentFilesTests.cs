using HeuristicsBench.Chart.Tests.Support;

namespace HeuristicsBench.Chart.Tests;

/// <summary>The chart's experiment files are the repository's, and the runner's ConfigMap carries them unchanged.</summary>
public sealed class ExperimentFilesTests
{
    [Fact]
    public void The_chart_copies_equal_the_repository_experiments()
    {
        var repository = Directory.GetFiles(Path.Combine(ChartUnderTest.RepositoryRoot, "experiments"), "*.yaml").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        var chart = Directory.GetFiles(Path.Combine(ChartUnderTest.Directory, "experiments"), "*.yaml").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(repository, chart);
        foreach (var name in repository)
        {
            Assert.True(File.ReadAllText(Path.Combine(ChartUnderTest.RepositoryRoot, "experiments", name!)) == File.ReadAllText(Path.Combine(ChartUnderTest.Directory, "experiments", name!)),
                $"helm/heuristics-bench/experiments/{name} differs from experiments/{name}: copy it again");
        }
    }

    [Fact]
    public void The_config_map_holds_every_listed_file_verbatim_and_the_extra_ones()
    {
        var extra = new List<object?> { new Dictionary<string, object?>(StringComparer.Ordinal) { ["name"] = "mine.yaml", ["content"] = "name: mine\n# a: b\n" } };
        var map = ChartUnderTest.Objects("embedded", ("runner.extraExperiments", extra)).Single(o => o.Kind == "ConfigMap" && o.Name == "hb-experiments");
        var data = map.Strings("data");
        foreach (var name in new[] { "quick.yaml", "paper-ex1.yaml", "paper-ex2.yaml", "fusio-plan.yaml" })
            Assert.Equal(File.ReadAllText(Path.Combine(ChartUnderTest.RepositoryRoot, "experiments", name)), data[name]);
        Assert.Equal("name: mine\n# a: b\n", data["mine.yaml"]);
    }
}
