using YamlDotNet.RepresentationModel;

namespace HeuristicsBench.Chart.Tests.Support;

/// <summary>Lookups inside pod-owning objects (Deployment, StatefulSet, Job).</summary>
public static class WorkloadFacts
{
    public static readonly string[] PodOwners = ["Deployment", "StatefulSet", "Job"];

    public static IEnumerable<YamlMappingNode> Containers(K8sObject o) =>
        o.List("spec.template.spec.containers").Children.Cast<YamlMappingNode>();

    public static string Env(K8sObject o, string name)
    {
        foreach (var container in Containers(o))
        {
            if (K8sObject.Find(container, "env") is YamlSequenceNode env)
            {
                foreach (var entry in env.Children.Cast<YamlMappingNode>())
                {
                    if (((YamlScalarNode)entry.Children[new YamlScalarNode("name")]).Value == name)
                        return (K8sObject.Find(entry, "value") as YamlScalarNode)?.Value ?? throw new Xunit.Sdk.XunitException($"{o}: {name} has no plain value");
                }
            }
        }
        throw new Xunit.Sdk.XunitException($"{o}: no environment variable {name}");
    }

    public static string? Scalar(YamlNode node, string path) => (K8sObject.Find(node, path) as YamlScalarNode)?.Value;
}
