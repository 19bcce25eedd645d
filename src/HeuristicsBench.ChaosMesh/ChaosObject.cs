using System.Text.Json.Nodes;

namespace HeuristicsBench.ChaosMesh;

/// <summary>
/// One Chaos Mesh object to create: its <see cref="Kind"/> (group chaos-mesh.org, version v1alpha1), namespaced
/// <see cref="Name"/>, <see cref="Labels"/> and <see cref="Spec"/>. <see cref="Note"/> says where the mapping
/// approximates the experiment file (empty when it is exact).
/// </summary>
public sealed record ChaosObject(ChaosKind Kind, string Name, IReadOnlyDictionary<string, string> Labels, JsonObject Spec, string Note)
{
    /// <summary>The full object as sent to the API server (a fresh copy on each call).</summary>
    public JsonObject ToBody()
    {
        var labels = new JsonObject();
        foreach (var (key, value) in Labels.OrderBy(l => l.Key, StringComparer.Ordinal))
            labels[key] = value;
        return new JsonObject
        {
            ["apiVersion"] = ChaosKind.ApiVersion,
            ["kind"] = Kind.Kind,
            ["metadata"] = new JsonObject { ["name"] = Name, ["labels"] = labels },
            ["spec"] = Spec.DeepClone(),
        };
    }
}
