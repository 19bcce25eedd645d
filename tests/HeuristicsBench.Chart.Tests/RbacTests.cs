using HeuristicsBench.Chart.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace HeuristicsBench.Chart.Tests;

/// <summary>The runner may manage Chaos Mesh objects and read pods in its namespace, and nothing more.</summary>
public sealed class RbacTests
{
    public static TheoryData<string> Modes() => new(ChartUnderTest.Modes);

    [Theory]
    [MemberData(nameof(Modes))]
    public void The_role_allows_exactly_chaos_mesh_objects_and_reading_pods(string mode)
    {
        var objects = ChartUnderTest.Objects(mode);
        Assert.DoesNotContain(objects, o => o.Kind is "ClusterRole" or "ClusterRoleBinding");
        var role = objects.Single(o => o.Kind == "Role");
        var rules = role.List("rules").Children.Select(r => (
            Groups: Items(r, "apiGroups"), Resources: Items(r, "resources"), Verbs: Items(r, "verbs"))).ToList();
        Assert.Equal(2, rules.Count);
        Assert.Equal(["chaos-mesh.org"], rules[0].Groups);
        Assert.Equal(["networkchaos", "podchaos", "schedules", "stresschaos", "timechaos"], rules[0].Resources);
        Assert.Equal(["create", "delete", "get", "list", "watch"], rules[0].Verbs);
        Assert.Equal([""], rules[1].Groups);
        Assert.Equal(["pods"], rules[1].Resources);
        Assert.Equal(["get", "list"], rules[1].Verbs);
    }

    [Fact]
    public void The_binding_gives_the_role_to_the_runner_service_account_of_the_namespace()
    {
        var objects = ChartUnderTest.Objects("strimzi");
        var binding = objects.Single(o => o.Kind == "RoleBinding");
        Assert.Equal("Role", binding.Text("roleRef.kind"));
        Assert.Equal(objects.Single(o => o.Kind == "Role").Name, binding.Text("roleRef.name"));
        var subject = binding.List("subjects").Children.Single();
        Assert.Equal("ServiceAccount", WorkloadFacts.Scalar(subject, "kind"));
        Assert.Equal("bench", WorkloadFacts.Scalar(subject, "namespace"));
        var account = objects.Single(o => o.Kind == "ServiceAccount");
        Assert.Equal(account.Name, WorkloadFacts.Scalar(subject, "name"));
        Assert.Equal(account.Name, objects.Single(o => o.Kind == "Job").Text("spec.template.spec.serviceAccountName"));
    }

    private static List<string> Items(YamlNode rule, string key) =>
        ((YamlSequenceNode)K8sObject.Find(rule, key)!).Children.Select(n => ((YamlScalarNode)n).Value!).Order(StringComparer.Ordinal).ToList();
}
