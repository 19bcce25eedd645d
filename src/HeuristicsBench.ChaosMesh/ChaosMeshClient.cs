using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace HeuristicsBench.ChaosMesh;

/// <summary>
/// Namespaced create/get/delete/list of Chaos Mesh objects through KubernetesClient's custom-objects API. Objects are
/// handled as JSON (<see cref="JsonObject"/>); API errors become <see cref="ChaosMeshException"/> with the status code
/// and the server's message.
/// </summary>
public sealed class ChaosMeshClient : IDisposable
{
    private readonly Kubernetes _kubernetes;

    public ChaosMeshClient(KubernetesClientConfiguration configuration, string @namespace)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentException.ThrowIfNullOrWhiteSpace(@namespace);
        _kubernetes = new Kubernetes(configuration);
        Namespace = @namespace;
    }

    /// <summary>The in-cluster configuration when running in a pod, else the kubeconfig (KUBECONFIG or ~/.kube/config), optionally a named context.</summary>
    public static KubernetesClientConfiguration DefaultConfiguration(string? context = null) =>
        KubernetesClientConfiguration.IsInCluster()
            ? KubernetesClientConfiguration.InClusterConfig()
            : KubernetesClientConfiguration.BuildConfigFromConfigFile(currentContext: context);

    /// <summary>A plain base URL without credentials (a test server or <c>kubectl proxy</c>).</summary>
    public static KubernetesClientConfiguration ForBaseUrl(Uri baseUrl)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        return new KubernetesClientConfiguration { Host = baseUrl.ToString() };
    }

    public string Namespace { get; }

    public async Task<JsonObject> CreateAsync(ChaosObject chaos, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chaos);
        var created = await Call($"create {chaos.Kind.Kind} {chaos.Name}", () => _kubernetes.CustomObjects.CreateNamespacedCustomObjectAsync(
            chaos.ToBody(), ChaosKind.Group, ChaosKind.Version, Namespace, chaos.Kind.Plural, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return ToObject(created);
    }

    /// <summary>The object, or null when it does not exist.</summary>
    public async Task<JsonObject?> GetAsync(ChaosKind kind, string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(kind);
        try
        {
            var found = await Call($"get {kind.Kind} {name}", () => _kubernetes.CustomObjects.GetNamespacedCustomObjectAsync(
                ChaosKind.Group, ChaosKind.Version, Namespace, kind.Plural, name, cancellationToken)).ConfigureAwait(false);
            return ToObject(found);
        }
        catch (ChaosMeshException e) when (e.StatusCode == (int)HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>Asks for deletion (in the background: a Schedule's children go with it); false when it did not exist.</summary>
    public async Task<bool> DeleteAsync(ChaosKind kind, string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(kind);
        try
        {
            await Call($"delete {kind.Kind} {name}", () => _kubernetes.CustomObjects.DeleteNamespacedCustomObjectAsync(
                ChaosKind.Group, ChaosKind.Version, Namespace, kind.Plural, name,
                body: new V1DeleteOptions { PropagationPolicy = "Background" }, cancellationToken: cancellationToken)).ConfigureAwait(false);
            return true;
        }
        catch (ChaosMeshException e) when (e.StatusCode == (int)HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    /// <summary>The objects of a kind in the namespace, optionally filtered by a label selector.</summary>
    public async Task<IReadOnlyList<JsonObject>> ListAsync(ChaosKind kind, string? labelSelector, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(kind);
        var list = ToObject(await Call($"list {kind.Plural}", () => _kubernetes.CustomObjects.ListNamespacedCustomObjectAsync(
            ChaosKind.Group, ChaosKind.Version, Namespace, kind.Plural, labelSelector: labelSelector, cancellationToken: cancellationToken)).ConfigureAwait(false));
        return list["items"] is JsonArray items ? [.. items.OfType<JsonObject>()] : [];
    }

    private async Task<object> Call(string what, Func<Task<object>> request)
    {
        try
        {
            return await request().ConfigureAwait(false);
        }
        catch (HttpOperationException e)
        {
            var status = (int)e.Response.StatusCode;
            throw new ChaosMeshException($"{what} in namespace {Namespace}: HTTP {status} {ServerMessage(e.Response.Content)}".TrimEnd(), e) { StatusCode = status };
        }
        catch (HttpRequestException e)
        {
            throw new ChaosMeshException($"{what} in namespace {Namespace}: {e.Message}", e);
        }
    }

    /// <summary>The <c>message</c> of a Kubernetes Status body, or the body itself.</summary>
    private static string ServerMessage(string? content)
    {
        if (string.IsNullOrWhiteSpace(content))
            return "";
        try
        {
            if (JsonNode.Parse(content) is JsonObject status && status["message"]?.GetValue<string>() is { } message)
                return message;
        }
        catch (JsonException)
        {
        }
        return content.Length > 300 ? content[..300] : content;
    }

    private static JsonObject ToObject(object value) => value switch
    {
        JsonObject o => o,
        JsonElement e => JsonNode.Parse(e.GetRawText()) as JsonObject ?? throw new ChaosMeshException("the API server answered with JSON that is not an object"),
        _ => JsonSerializer.SerializeToNode(value) as JsonObject ?? throw new ChaosMeshException("the API server answered with JSON that is not an object"),
    };

    public void Dispose() => _kubernetes.Dispose();
}
