using HeuristicsBench.ChaosMesh;
using HeuristicsBench.Experiments;

namespace HeuristicsBench.Runner.Tests;

/// <summary>The chart's default experiment can run on Chaos Mesh, and quick.yaml (with clock drift) is refused there, naming the drift.</summary>
public sealed class ShippedExperimentsTests
{
    private static Experiment Load(string name)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "HeuristicsBench.sln")))
            dir = dir.Parent;
        Assert.NotNull(dir);
        var path = Path.Combine(dir.FullName, "experiments", name);
        return ExperimentParser.Parse(File.ReadAllText(path), path);
    }

    [Fact]
    public void K8s_quick_maps_to_chaos_mesh_and_quick_is_refused_for_its_drift()
    {
        var targets = ChaosMeshTargets.Default("bench");
        Assert.Empty(ChaosMeshMapper.Validate(Load("k8s-quick.yaml"), targets));
        var problems = ChaosMeshMapper.Validate(Load("quick.yaml"), targets);
        Assert.Contains(problems, p => p.Contains("drift", StringComparison.OrdinalIgnoreCase));
    }
}
