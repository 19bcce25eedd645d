using HeuristicsBench.Chart.Tests.Rendering;
using YamlDotNet.RepresentationModel;

namespace HeuristicsBench.Chart.Tests.Support;

/// <summary>The repository's chart, rendered by the subset renderer for a Kafka mode and value overrides.</summary>
public static class ChartUnderTest
{
    public static readonly string[] Modes = ["strimzi", "embedded", "external"];

    public static string RepositoryRoot { get; } = FindRoot();

    public static string Directory { get; } = Path.Combine(RepositoryRoot, "helm", "heuristics-bench");

    public static ChartRenderer Renderer { get; } = new(Directory);

    /// <summary>Values for <paramref name="mode"/> (external gets a bootstrap), then <paramref name="overrides"/> (dotted paths).</summary>
    public static Dictionary<string, object?> Values(string mode, params (string Path, object? Value)[] overrides)
    {
        var values = Renderer.DefaultValues();
        ValuesLoader.Set(values, "kafka.mode", mode);
        if (mode == "external")
            ValuesLoader.Set(values, "kafka.external.bootstrap", "kafka.example:9092");
        foreach (var (path, value) in overrides)
            ValuesLoader.Set(values, path, value);
        return values;
    }

    public static IReadOnlyList<RenderedFile> Files(string mode, params (string Path, object? Value)[] overrides) =>
        Renderer.Render(Values(mode, overrides));

    /// <summary>Every Kubernetes object of the rendered chart, parsed as YAML; a document that does not parse fails naming its file.</summary>
    public static IReadOnlyList<K8sObject> Objects(string mode, params (string Path, object? Value)[] overrides)
    {
        var objects = new List<K8sObject>();
        foreach (var file in Files(mode, overrides))
        {
            foreach (var document in file.Documents)
            {
                var stream = new YamlStream();
                try
                {
                    stream.Load(new StringReader(document));
                }
                catch (YamlDotNet.Core.YamlException e)
                {
                    Assert.Fail($"{file.Name} ({mode}) does not parse as YAML: {e.Message}\n{document}");
                }
                foreach (var doc in stream.Documents)
                {
                    var map = Assert.IsType<YamlMappingNode>(doc.RootNode, exactMatch: false);
                    objects.Add(new K8sObject(file.Name, map));
                }
            }
        }
        return objects;
    }

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "HeuristicsBench.sln")))
            directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("HeuristicsBench.sln not found above " + AppContext.BaseDirectory);
    }
}
