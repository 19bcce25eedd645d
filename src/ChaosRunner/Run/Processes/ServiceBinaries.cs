namespace ChaosRunner.Run.Processes;

/// <summary>
/// Finds the three CLIs a local run starts. The runner itself (heuristics-bench.dll) is the broker and the CPU
/// stress process; the miner and the load generator are found in their own build output next to this one
/// (src/HeuristicsMiner/bin/CONFIG/net10.0/heuristics-miner.dll, ... — ChaosRunner.csproj makes sure they are built),
/// or in the directory given by --services-dir / HEURISTICS_BENCH_SERVICES_DIR holding both dlls.
/// </summary>
public sealed record ServiceBinaries(ServiceBinary Runner, ServiceBinary Miner, ServiceBinary Generator)
{
    public static ServiceBinaries Locate(string? servicesDirectory)
    {
        var host = DotnetHost();
        servicesDirectory ??= Environment.GetEnvironmentVariable("HEURISTICS_BENCH_SERVICES_DIR");
        string miner, generator;
        if (!string.IsNullOrEmpty(servicesDirectory))
        {
            miner = Path.Combine(servicesDirectory, "heuristics-miner.dll");
            generator = Path.Combine(servicesDirectory, "load-generator.dll");
        }
        else
        {
            miner = Sibling("HeuristicsMiner", "heuristics-miner.dll");
            generator = Sibling("LoadGenerator", "load-generator.dll");
        }
        foreach (var dll in new[] { miner, generator })
        {
            if (!File.Exists(dll))
                throw new FileNotFoundException($"{dll} does not exist: build the solution (dotnet build HeuristicsBench.sln -c Release) or give --services-dir", dll);
        }
        // The runner's own build output when it exists (a copy beside a test assembly lacks the runner's runtimeconfig).
        var runner = Sibling("ChaosRunner", "heuristics-bench.dll");
        if (!File.Exists(runner))
            runner = typeof(ServiceBinaries).Assembly.Location;
        return new ServiceBinaries(
            new ServiceBinary("heuristics-bench", host, [runner]),
            new ServiceBinary("heuristics-miner", host, [miner]),
            new ServiceBinary("load-generator", host, [generator]));
    }

    /// <summary>src/PROJECT/bin/CONFIG/TFM/DLL of the repository this assembly was built in, same configuration and framework.</summary>
    private static string Sibling(string project, string dll)
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = output.Name;
        var configuration = output.Parent?.Name ?? "Release";
        var root = output;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "HeuristicsBench.sln")))
            root = root.Parent;
        return root is null ? Path.Combine(output.FullName, dll) : Path.Combine(root.FullName, "src", project, "bin", configuration, framework, dll);
    }

    private static string DotnetHost()
    {
        var self = Environment.ProcessPath;
        if (self is not null && Path.GetFileNameWithoutExtension(self) == "dotnet")
            return self;
        var root = Environment.GetEnvironmentVariable("DOTNET_ROOT");
        if (!string.IsNullOrEmpty(root) && File.Exists(Path.Combine(root, "dotnet")))
            return Path.Combine(root, "dotnet");
        return "dotnet";
    }
}
