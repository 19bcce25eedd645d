using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HeuristicsBench.Prometheus.Tests.Support;

/// <summary>
/// A Kestrel server on 127.0.0.1 (free port) that answers every GET with what <see cref="Respond"/> says and records
/// each request's path and decoded query-string parameters: a stand-in for Prometheus's API in client tests.
/// </summary>
public sealed class FakePrometheus : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakePrometheus(WebApplication app) => _app = app;

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>The answer (HTTP status, body) to a request; JSON content type.</summary>
    public Func<RecordedRequest, (int Status, string Body)> Respond { get; set; } = _ => (200, "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[]}}");

    public Uri Address { get; private set; } = null!;

    public static async Task<FakePrometheus> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var fake = new FakePrometheus(app);
        app.Run(async context =>
        {
            var request = new RecordedRequest(
                context.Request.Method,
                context.Request.Path.Value ?? "",
                context.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal));
            fake.Requests.Enqueue(request);
            var (status, body) = fake.Respond(request);
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(body);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        fake.Address = new Uri(address);
        return fake;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

public sealed record RecordedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Query);
