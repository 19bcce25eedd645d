namespace HeuristicsBench.ChaosMesh;

/// <summary>Pods picked by namespace and labels, as in a Chaos Mesh selector (<c>namespaces</c>, <c>labelSelectors</c>).</summary>
public sealed record PodSelector(string Namespace, IReadOnlyDictionary<string, string> Labels)
{
    public override string ToString() =>
        $"{Namespace}/{{{string.Join(", ", Labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}"))}}}";
}
