namespace HeuristicsBench.Experiments.Tests;

/// <summary>The example files of experiments/, copied next to the test assembly by the project file.</summary>
internal static class Examples
{
    public static Experiment Load(string fileName)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Examples", fileName);
        return ExperimentParser.Parse(File.ReadAllText(path), path);
    }
}
