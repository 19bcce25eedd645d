using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Prometheus;

namespace HeuristicsBench.ServiceHost;

/// <summary>
/// The HTTP side of a service (Kestrel): <c>GET /metrics</c> (Prometheus text format of one registry),
/// <c>GET /healthz</c>, <c>GET /readyz</c> (200 or 503 with a one-line reason) and, when enabled,
/// <c>/control/clock</c>: GET shows the skew, PUT <c>{"offsetMs":..,"driftPpm":..}</c> sets it, DELETE resets it.
/// </summary>
public sealed class ServiceEndpoint : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ServiceEndpoint(WebApplication app) => _app = app;

    /// <summary>The port actually bound (useful with port 0).</summary>
    public int Port { get; private set; }

    public string BaseAddress { get; private set; } = "";

    public static async Task<ServiceEndpoint> StartAsync(
        HttpEndpointOptions options, CollectorRegistry registry, ServiceHealth health, AdjustableClock clock,
        Action<IEndpointRouteBuilder>? extraRoutes = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var (address, port) = options.Parse();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(address, port));
        var app = builder.Build();
        app.MapGet("/metrics", async context =>
        {
            context.Response.ContentType = "text/plain; version=0.0.4; charset=utf-8";
            await registry.CollectAndExportAsTextAsync(context.Response.Body, context.RequestAborted).ConfigureAwait(false);
        });
        app.MapGet("/healthz", context => Answer(context, health.Live));
        app.MapGet("/readyz", context => Answer(context, health.Ready));
        if (options.ClockControl)
            MapClockControl(app, clock);
        extraRoutes?.Invoke(app);
        try
        {
            await app.StartAsync(cancellation).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw new IOException($"cannot listen on {options.Listen} for HTTP: {e.Message}", e);
        }
        var endpoint = new ServiceEndpoint(app);
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        endpoint.Port = new Uri(bound.Replace("[::]", "localhost", StringComparison.Ordinal)).Port;
        var host = address.Equals(System.Net.IPAddress.Any) ? "127.0.0.1" : address.ToString();
        endpoint.BaseAddress = $"http://{host}:{endpoint.Port}";
        return endpoint;
    }

    private static Task Answer(HttpContext context, (bool Ok, string Reason) status)
    {
        context.Response.StatusCode = status.Ok ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync((status.Ok ? "ok: " : "not ok: ") + status.Reason + "\n");
    }

    private static void MapClockControl(WebApplication app, AdjustableClock clock)
    {
        app.MapGet("/control/clock", context => WriteClock(context, clock));
        app.MapMethods("/control/clock", ["PUT", "POST"], async context =>
        {
            ClockRequest? request;
            try
            {
                request = await JsonSerializer.DeserializeAsync(context.Request.Body, ClockJson.Default.ClockRequest, context.RequestAborted).ConfigureAwait(false);
            }
            catch (JsonException e)
            {
                await BadRequest(context, $"body is not clock JSON {{\"offsetMs\":..,\"driftPpm\":..}}: {e.Message}").ConfigureAwait(false);
                return;
            }
            try
            {
                clock.Set(TimeSpan.FromMilliseconds(request?.OffsetMs ?? 0), request?.DriftPpm ?? 0);
            }
            catch (ArgumentOutOfRangeException e)
            {
                await BadRequest(context, e.Message.Split('\n')[0]).ConfigureAwait(false);
                return;
            }
            await WriteClock(context, clock).ConfigureAwait(false);
        });
        app.MapDelete("/control/clock", context =>
        {
            clock.Reset();
            return WriteClock(context, clock);
        });
    }

    private static Task BadRequest(HttpContext context, string message)
    {
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(message + "\n");
    }

    private static Task WriteClock(HttpContext context, AdjustableClock clock)
    {
        var skew = clock.Skew;
        var state = new ClockState(skew.Offset.TotalMilliseconds, skew.DriftPpm, clock.CurrentSkew.TotalMilliseconds, clock.GetUtcNow());
        context.Response.ContentType = "application/json";
        return JsonSerializer.SerializeAsync(context.Response.Body, state, ClockJson.Default.ClockState, context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
