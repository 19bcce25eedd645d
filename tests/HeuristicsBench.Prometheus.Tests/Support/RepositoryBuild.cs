namespace HeuristicsBench.Prometheus.Tests.Support;

/// <summary>
/// The service CLIs in this repository's build output, in the configuration and framework of this test assembly
/// (src/PROJECT/bin/CONFIG/TFM/DLL; the test project references the three projects so they are built).
/// </summary>
public static class RepositoryBuild
{
    public static string Dll(string project, string dll)
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var root = output;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "HeuristicsBench.sln")))
            root = root.Parent;
        if (root is null)
            throw new InvalidOperationException($"no HeuristicsBench.sln above {output.FullName}");
        var path = Path.Combine(root.FullName, "src", project, "bin", output.Parent!.Name, output.Name, dll);
        return File.Exists(path) ? path : throw new FileNotFoundException($"{path} does not exist: build the solution in the tests' configuration", path);
    }
}
