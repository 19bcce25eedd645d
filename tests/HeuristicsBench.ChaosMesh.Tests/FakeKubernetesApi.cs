using System.Globalization;
using System.Text.Json.Nodes;
using HeuristicsBench.Experiments;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace HeuristicsBench.ChaosMesh.Tests;

/// <summary>
/// A fake Kubernetes API server for chaos-mesh.org/v1alpha1 on 127.0.0.1: records every request, stores objects,
/// reports AllInjected=True after <see cref="InjectAfterPolls"/> reads of an object, fires Schedule children (owned by
/// the Schedule, recovered after their duration) and fails the requests <see cref="FailWith"/> picks.
/// </summary>
internal sealed class FakeKubernetesApi : IAsyncDisposable
{
    private const string Prefix = "/apis/chaos-mesh.org/v1alpha1/namespaces/";
    private readonly WebApplication _app;
    private readonly Dictionary<(string Plural, string Name), JsonObject> _objects = [];
    private readonly Dictionary<(string Plural, string Name), int> _reads = [];
    private readonly Dictionary<string, DateTimeOffset> _created = [];
    private readonly List<Request> _requests = [];
    private int _uid;

    public sealed record Request(string Method, string Path, string Query, JsonObject? Body);

    private FakeKubernetesApi(WebApplication app) => _app = app;

    public int InjectAfterPolls { get; set; } = 2;

    /// <summary>Returns a status code to fail a request with (method, path), or null to serve it.</summary>
    public Func<string, string, int?> FailWith { get; set; } = (_, _) => null;

    public Uri BaseUrl { get; private set; } = null!;

    public static async Task<FakeKubernetesApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeKubernetesApi(app);
        app.Run(fake.HandleAsync);
        await app.StartAsync();
        fake.BaseUrl = new Uri(app.Urls.First());
        return fake;
    }

    public IReadOnlyList<Request> Requests
    {
        get
        {
            lock (_requests)
                return [.. _requests];
        }
    }

    public IReadOnlyList<(string Plural, string Name)> Stored
    {
        get
        {
            lock (_objects)
                return [.. _objects.Keys];
        }
    }

    /// <summary>Puts an object in the store as if someone (an earlier run) had created it.</summary>
    public void Seed(string plural, JsonObject body)
    {
        lock (_objects)
            Store(plural, body);
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        JsonObject? body = null;
        if (context.Request.ContentLength is > 0 || context.Request.Method == "POST")
        {
            using var reader = new StreamReader(context.Request.Body);
            var text = await reader.ReadToEndAsync();
            body = text.Length > 0 ? JsonNode.Parse(text) as JsonObject : null;
        }
        lock (_requests)
            _requests.Add(new Request(context.Request.Method, path, context.Request.QueryString.Value ?? "", body));
        if (FailWith(context.Request.Method, path) is { } failure)
        {
            await Answer(context, failure, Status(failure, $"injected failure {failure}"));
            return;
        }
        if (!path.StartsWith(Prefix, StringComparison.Ordinal))
        {
            await Answer(context, 404, Status(404, "unknown path " + path));
            return;
        }
        var parts = path[Prefix.Length..].Split('/');
        var plural = parts.Length > 1 ? parts[1] : "";
        var name = parts.Length > 2 ? parts[2] : null;
        int status;
        JsonObject answer;
        lock (_objects)
        {
            FireSchedules();
            (status, answer) = (context.Request.Method, name) switch
            {
                ("POST", null) => Create(plural, body!),
                ("GET", null) => List(plural, context.Request.Query["labelSelector"].ToString()),
                ("GET", { } n) => Get(plural, n),
                ("DELETE", { } n) => Delete(plural, n),
                _ => (405, Status(405, "method not allowed")),
            };
        }
        await Answer(context, status, answer);
    }

    private (int, JsonObject) Create(string plural, JsonObject body)
    {
        var name = body["metadata"]!["name"]!.GetValue<string>();
        if (_objects.ContainsKey((plural, name)))
            return (409, Status(409, $"{plural} \"{name}\" already exists"));
        return (201, Store(plural, body).DeepClone().AsObject());
    }

    private JsonObject Store(string plural, JsonObject body)
    {
        var stored = body.DeepClone().AsObject();
        var metadata = stored["metadata"]!.AsObject();
        metadata["uid"] ??= "uid-" + Interlocked.Increment(ref _uid).ToString(CultureInfo.InvariantCulture);
        metadata["creationTimestamp"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
        var name = metadata["name"]!.GetValue<string>();
        _objects[(plural, name)] = stored;
        _created[plural + "/" + name] = DateTimeOffset.UtcNow;
        return stored;
    }

    private (int, JsonObject) Get(string plural, string name)
    {
        if (!_objects.TryGetValue((plural, name), out var found))
            return (404, Status(404, $"{plural} \"{name}\" not found"));
        var reads = _reads[(plural, name)] = _reads.GetValueOrDefault((plural, name)) + 1;
        var injected = reads >= InjectAfterPolls;
        var recovered = found["spec"]?["duration"] is JsonValue d && DurationText.TryParse(d.GetValue<string>(), out var length)
            && found["metadata"]?["ownerReferences"] is not null && DateTimeOffset.UtcNow - _created[plural + "/" + name] >= length;
        found["status"] = new JsonObject
        {
            ["conditions"] = new JsonArray(
                Condition("Selected", true), Condition("AllInjected", injected && !recovered), Condition("AllRecovered", recovered)),
        };
        return (200, found.DeepClone().AsObject());
    }

    private (int, JsonObject) Delete(string plural, string name) =>
        _objects.Remove((plural, name), out _) ? (200, Status(200, "deleted")) : (404, Status(404, $"{plural} \"{name}\" not found"));

    private (int, JsonObject) List(string plural, string selector)
    {
        var items = new JsonArray();
        foreach (var ((p, _), o) in _objects)
        {
            if (p != plural)
                continue;
            if (selector.Length > 0)
            {
                var (key, value) = (selector.Split('=')[0], selector.Split('=')[1]);
                if (o["metadata"]?["labels"]?[key]?.GetValue<string>() != value)
                    continue;
            }
            items.Add(o.DeepClone());
        }
        return (200, new JsonObject { ["kind"] = "List", ["items"] = items });
    }

    /// <summary>Chaos Mesh's <c>@every</c>: a child one interval after creation, then every interval, while the Schedule exists.</summary>
    private void FireSchedules()
    {
        foreach (var ((plural, name), schedule) in _objects.Where(o => o.Key.Plural == "schedules").ToList())
        {
            var every = schedule["spec"]!["schedule"]!.GetValue<string>();
            if (!every.StartsWith("@every ", StringComparison.Ordinal) || !DurationText.TryParse(every[7..], out var interval))
                continue;
            var type = ChaosKind.ByKind(schedule["spec"]!["type"]!.GetValue<string>());
            var due = (int)((DateTimeOffset.UtcNow - _created[plural + "/" + name]) / interval);
            var fired = schedule["fired"]?.GetValue<int>() ?? 0;
            for (var i = fired; i < due; i++)
            {
                var child = new JsonObject
                {
                    ["apiVersion"] = ChaosKind.ApiVersion,
                    ["kind"] = type.Kind,
                    ["metadata"] = new JsonObject
                    {
                        ["name"] = $"{name}-{i}",
                        ["ownerReferences"] = new JsonArray(new JsonObject { ["kind"] = "Schedule", ["name"] = name, ["uid"] = schedule["metadata"]!["uid"]!.DeepClone() }),
                    },
                    ["spec"] = schedule["spec"]![type.ScheduleField]!.DeepClone(),
                };
                Store(type.Plural, child);
            }
            schedule["fired"] = Math.Max(fired, due);
        }
        // children go with their Schedule (Kubernetes' garbage collector)
        var schedules = _objects.Where(o => o.Key.Plural == "schedules").Select(o => o.Value["metadata"]!["uid"]!.GetValue<string>()).ToHashSet();
        foreach (var orphan in _objects.Where(o => o.Value["metadata"]?["ownerReferences"] is JsonArray owners
            && !owners.Any(x => schedules.Contains(x!["uid"]!.GetValue<string>()))).Select(o => o.Key).ToList())
        {
            _objects.Remove(orphan);
        }
    }

    private static JsonObject Condition(string type, bool value) => new() { ["type"] = type, ["status"] = value ? "True" : "False" };

    private static JsonObject Status(int code, string message) =>
        new() { ["kind"] = "Status", ["apiVersion"] = "v1", ["status"] = code < 300 ? "Success" : "Failure", ["message"] = message, ["code"] = code };

    private static async Task Answer(HttpContext context, int status, JsonObject body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body.ToJsonString());
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
