using YamlDotNet.RepresentationModel;

namespace HeuristicsBench.Chart.Tests.Support;

/// <summary>One rendered Kubernetes object with path lookups (<c>spec.template.spec</c>).</summary>
public sealed record K8sObject(string File, YamlMappingNode Root)
{
    public string Kind => Text("kind") ?? "";

    public string Name => Text("metadata.name") ?? "";

    public override string ToString() => $"{Kind}/{Name} ({File})";

    public YamlNode? Node(string path) => Find(Root, path);

    public string? Text(string path) => (Node(path) as YamlScalarNode)?.Value;

    public YamlMappingNode Map(string path) => Assert.IsType<YamlMappingNode>(Node(path) ?? throw Missing(path), exactMatch: false);

    public YamlSequenceNode List(string path) => Assert.IsType<YamlSequenceNode>(Node(path) ?? throw Missing(path), exactMatch: false);

    /// <summary>A string map (labels, matchLabels) as a dictionary.</summary>
    public Dictionary<string, string> Strings(string path) =>
        Map(path).Children.ToDictionary(kv => ((YamlScalarNode)kv.Key).Value!, kv => ((YamlScalarNode)kv.Value).Value!, StringComparer.Ordinal);

    public static YamlNode? Find(YamlNode node, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        YamlNode? current = node;
        foreach (var part in path.Split('.'))
        {
            if (current is not YamlMappingNode map || !map.Children.TryGetValue(new YamlScalarNode(part), out current))
                return null;
        }
        return current;
    }

    private Xunit.Sdk.XunitException Missing(string path) => new($"{this}: no {path}");
}
