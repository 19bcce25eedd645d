using System.Text.Json;
using System.Text.Json.Nodes;

namespace HeuristicsBench.FaultProxy;

/// <summary>Toxiproxy's JSON shapes for proxies, toxics and errors, written and read with JsonNode.</summary>
public static class ProxyJson
{
    public static JsonObject Proxy(ProxyState proxy)
    {
        ArgumentNullException.ThrowIfNull(proxy);
        return new JsonObject
        {
            ["name"] = proxy.Name,
            ["listen"] = proxy.Listen.ToString(),
            ["upstream"] = proxy.Upstream.ToString(),
            ["enabled"] = proxy.Enabled,
            ["toxics"] = Toxics(proxy.Toxics),
        };
    }

    /// <summary>GET /proxies: an object keyed by proxy name.</summary>
    public static JsonObject Proxies(IEnumerable<ProxyState> proxies)
    {
        var result = new JsonObject();
        foreach (var proxy in proxies)
            result[proxy.Name] = Proxy(proxy);
        return result;
    }

    public static JsonObject Toxic(ToxicSpec toxic)
    {
        ArgumentNullException.ThrowIfNull(toxic);
        var attributes = new JsonObject();
        foreach (var (key, value) in toxic.Attributes)
            attributes[key] = value;
        return new JsonObject
        {
            ["name"] = toxic.Name,
            ["type"] = toxic.Type,
            ["stream"] = ToxicSpec.StreamName(toxic.Stream),
            ["toxicity"] = toxic.Toxicity,
            ["attributes"] = attributes,
        };
    }

    public static JsonArray Toxics(IEnumerable<ToxicSpec> toxics) => [.. toxics.Select(t => (JsonNode)Toxic(t))];

    public static JsonObject Error(string message, int status) => new() { ["error"] = message, ["status"] = status };

    /// <summary>A proxy from a POST /proxies body or a config file entry; enabled defaults to true.</summary>
    public static ProxyConfig ParseProxy(JsonNode? node)
    {
        var body = AsObject(node);
        return new ProxyConfig(
            String(body, "name") ?? "",
            String(body, "listen") ?? "",
            String(body, "upstream") ?? "",
            Bool(body, "enabled") ?? true);
    }

    /// <summary>A config file: a JSON array of proxies, as toxiproxy-server -config reads.</summary>
    public static IReadOnlyList<ProxyConfig> ParseConfig(string json)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json);
        }
        catch (JsonException e)
        {
            throw new FaultProxyException(FaultProxyErrorKind.BadRequest, "bad config: " + e.Message, e);
        }

        if (root is not JsonArray array)
            throw new FaultProxyException(FaultProxyErrorKind.BadRequest, "bad config: expected a JSON array of proxies");
        return [.. array.Select(ParseProxy)];
    }

    /// <summary>The fields of a POST /proxies/{name} body: each may be missing.</summary>
    public static (bool? Enabled, string? Listen, string? Upstream) ParseProxyUpdate(JsonNode? node)
    {
        var body = AsObject(node);
        return (Bool(body, "enabled"), String(body, "listen"), String(body, "upstream"));
    }

    public static ToxicSpec ParseToxic(JsonNode? node)
    {
        var body = AsObject(node);
        string type = String(body, "type") ?? throw Bad("missing required field: type");
        return new ToxicSpec(type, ToxicSpec.ParseStream(String(body, "stream")), Number(body, "toxicity") ?? 1.0,
            Attributes(body), String(body, "name"));
    }

    /// <summary>The fields of a POST /proxies/{p}/toxics/{t} body: attributes to change and maybe the toxicity.</summary>
    public static (IReadOnlyDictionary<string, long>? Attributes, double? Toxicity) ParseToxicUpdate(JsonNode? node)
    {
        var body = AsObject(node);
        return (Attributes(body), Number(body, "toxicity"));
    }

    private static Dictionary<string, long>? Attributes(JsonObject body)
    {
        if (body["attributes"] is null)
            return null;
        if (body["attributes"] is not JsonObject attributes)
            throw Bad("attributes must be an object");
        var result = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (key, value) in attributes)
        {
            if (value is not JsonValue v || !v.TryGetValue(out double number) || double.IsNaN(number))
                throw Bad($"attribute {key} must be a number");
            result[key] = (long)number;
        }

        return result;
    }

    private static JsonObject AsObject(JsonNode? node) => node as JsonObject ?? throw Bad("bad request body: expected a JSON object");

    private static string? String(JsonObject body, string key) => body[key] switch
    {
        null => null,
        JsonValue v when v.TryGetValue(out string? s) => s,
        _ => throw Bad($"{key} must be a string"),
    };

    private static bool? Bool(JsonObject body, string key) => body[key] switch
    {
        null => null,
        JsonValue v when v.TryGetValue(out bool b) => b,
        _ => throw Bad($"{key} must be true or false"),
    };

    private static double? Number(JsonObject body, string key) => body[key] switch
    {
        null => null,
        JsonValue v when v.TryGetValue(out double d) => d,
        _ => throw Bad($"{key} must be a number"),
    };

    private static FaultProxyException Bad(string message) => new(FaultProxyErrorKind.BadRequest, message);
}
