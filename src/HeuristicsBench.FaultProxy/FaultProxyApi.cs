using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace HeuristicsBench.FaultProxy;

/// <summary>
/// Toxiproxy's HTTP API over a <see cref="FaultProxyServer"/> (Kestrel): /proxies, /proxies/{proxy},
/// /proxies/{proxy}/toxics, /proxies/{proxy}/toxics/{toxic}, /reset and /version, with its JSON shapes, status codes
/// (201 created proxy, 204 deletes and reset, 400/404/409) and error bodies <c>{"error": ..., "status": ...}</c>.
/// </summary>
public sealed class FaultProxyApi : IAsyncDisposable
{
    public const string Version = "heuristics-bench-faultproxy 1.0 (toxiproxy 2 api)";

    private readonly WebApplication _app;
    private int _disposed;

    private FaultProxyApi(WebApplication app, IPEndPoint bound)
    {
        _app = app;
        EndPoint = bound;
    }

    /// <summary>The address and port actually bound (useful with port 0).</summary>
    public IPEndPoint EndPoint { get; }

    /// <summary>http://HOST:PORT of the API.</summary>
    public string BaseAddress => "http://" + EndPoint;

    public static async Task<FaultProxyApi> StartAsync(FaultProxyServer server, IPEndPoint listen, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(listen);
        // the empty builder reads no appsettings.json or ASPNETCORE_* variables that could add listeners
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        ListenOptions? bound = null;
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(listen, o => bound = o));
        builder.Services.AddRoutingCore();
        builder.Services.AddSingleton<IHostLifetime, ApiLifetime>();
        var app = builder.Build();
        Map(app, server);
        try
        {
            await app.StartAsync(cancellation).ConfigureAwait(false);
            var endPoint = bound?.IPEndPoint ?? throw new InvalidOperationException("Kestrel did not report the endpoint it bound");
            return new FaultProxyApi(app, endPoint);
        }
        catch (Exception e)
        {
            await app.DisposeAsync().ConfigureAwait(false);
            if (e is IOException or SocketException)
                throw new IOException($"cannot listen on {listen} for the proxy API: {e.Message}", e);
            throw;
        }
    }

    private static void Map(WebApplication app, FaultProxyServer server)
    {
        app.MapGet("/version", c => Json(c, 200, new JsonObject { ["version"] = Version }));
        app.MapPost("/reset", c => Run(c, () =>
        {
            server.Reset();
            return NoContent(c);
        }));
        app.MapGet("/proxies", c => Json(c, 200, ProxyJson.Proxies(server.List())));
        app.MapPost("/proxies", c => RunWithBody(c, body => Json(c, 201, ProxyJson.Proxy(server.Create(ProxyJson.ParseProxy(body))))));
        app.MapGet("/proxies/{proxy}", c => Run(c, () => Json(c, 200, ProxyJson.Proxy(server.Get(Name(c, "proxy"))))));
        app.MapPost("/proxies/{proxy}", c => RunWithBody(c, body =>
        {
            var (enabled, listen, upstream) = ProxyJson.ParseProxyUpdate(body);
            return Json(c, 200, ProxyJson.Proxy(server.Update(Name(c, "proxy"), enabled, listen, upstream)));
        }));
        app.MapDelete("/proxies/{proxy}", c => Run(c, () =>
        {
            server.Delete(Name(c, "proxy"));
            return NoContent(c);
        }));
        app.MapGet("/proxies/{proxy}/toxics", c => Run(c, () => Json(c, 200, ProxyJson.Toxics(server.Toxics(Name(c, "proxy"))))));
        app.MapPost("/proxies/{proxy}/toxics", c => RunWithBody(c, body =>
            Json(c, 200, ProxyJson.Toxic(server.AddToxic(Name(c, "proxy"), ProxyJson.ParseToxic(body))))));
        app.MapGet("/proxies/{proxy}/toxics/{toxic}", c => Run(c, () =>
            Json(c, 200, ProxyJson.Toxic(server.GetToxic(Name(c, "proxy"), Name(c, "toxic"))))));
        app.MapPost("/proxies/{proxy}/toxics/{toxic}", c => RunWithBody(c, body =>
        {
            var (attributes, toxicity) = ProxyJson.ParseToxicUpdate(body);
            return Json(c, 200, ProxyJson.Toxic(server.UpdateToxic(Name(c, "proxy"), Name(c, "toxic"), attributes, toxicity)));
        }));
        app.MapDelete("/proxies/{proxy}/toxics/{toxic}", c => Run(c, () =>
        {
            server.RemoveToxic(Name(c, "proxy"), Name(c, "toxic"));
            return NoContent(c);
        }));
    }

    private static string Name(HttpContext context, string key) => context.Request.RouteValues[key] as string ?? "";

    private static Task Run(HttpContext context, Func<Task> action)
    {
        try
        {
            return action();
        }
        catch (FaultProxyException e)
        {
            return Error(context, e);
        }
    }

    private static async Task RunWithBody(HttpContext context, Func<JsonNode?, Task> action)
    {
        JsonNode? body;
        try
        {
            body = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException e)
        {
            await Json(context, 400, ProxyJson.Error("bad request body: " + e.Message, 400)).ConfigureAwait(false);
            return;
        }

        await Run(context, () => action(body)).ConfigureAwait(false);
    }

    private static Task Error(HttpContext context, FaultProxyException e)
    {
        int status = e.Kind switch
        {
            FaultProxyErrorKind.NotFound => 404,
            FaultProxyErrorKind.Conflict => 409,
            FaultProxyErrorKind.ListenFailed => 500,
            _ => 400,
        };
        return Json(context, status, ProxyJson.Error(e.Message, status));
    }

    private static Task Json(HttpContext context, int status, JsonNode body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted);
    }

    private static Task NoContent(HttpContext context)
    {
        context.Response.StatusCode = 204;
        return Task.CompletedTask;
    }

    /// <summary>Stops the API (the proxies keep running: they belong to the server); a second call does nothing.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
            return;
        try
        {
            await _app.StopAsync().ConfigureAwait(false);
        }
        finally
        {
            await _app.DisposeAsync().ConfigureAwait(false);
        }
    }
}
