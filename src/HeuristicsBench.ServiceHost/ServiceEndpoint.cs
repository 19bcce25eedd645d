using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Prometheus;

namespace HeuristicsBench.ServiceHost;

/// <summary>
/// The HTTP side of a service (Kestrel): <c>GET /metrics</c> (Prometheus text format of one registry),
/// <c>GET /healthz</c>, <c>GET /readyz</c> (200 or 503 with a one-line reason) and, when enabled,
/// <c>/control/clock</c> (see <see cref="ClockControl"/>); when not enabled that path is 404 like any unknown one.
/// </summary>
public sealed class ServiceEndpoint : IAsyncDisposable
{
    /// <summary>Prometheus text exposition format 0.0.4.</summary>
    public const string MetricsContentType = "text/plain; version=0.0.4; charset=utf-8";

    private readonly WebApplication _app;
    private int _disposed;

    private ServiceEndpoint(WebApplication app, int port, string baseAddress)
    {
        _app = app;
        Port = port;
        BaseAddress = baseAddress;
    }

    /// <summary>The port actually bound (useful with port 0).</summary>
    public int Port { get; }

    /// <summary>http://HOST:PORT to reach the endpoint from this machine (loopback when listening on all addresses).</summary>
    public string BaseAddress { get; }

    public static async Task<ServiceEndpoint> StartAsync(
        HttpEndpointOptions options, CollectorRegistry registry, ServiceHealth health, AdjustableClock clock,
        Action<IEndpointRouteBuilder>? extraRoutes = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(health);
        ArgumentNullException.ThrowIfNull(clock);
        var (address, port) = options.Parse();
        // the empty builder reads no appsettings.json or ASPNETCORE_* variables (which could add listeners) and
        // watches no files; the service's own configuration decides everything here
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        ListenOptions? listen = null;
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(address, port, o => listen = o));
        builder.Services.AddRoutingCore();
        builder.Services.AddSingleton<IHostLifetime, ExternalLifetime>();
        var app = builder.Build();
        app.MapGet("/metrics", async context =>
        {
            context.Response.ContentType = MetricsContentType;
            await registry.CollectAndExportAsTextAsync(context.Response.Body, context.RequestAborted).ConfigureAwait(false);
        });
        app.MapGet("/healthz", context => Answer(context, health.Live));
        app.MapGet("/readyz", context => Answer(context, health.Ready));
        if (options.ClockControl)
            ClockControl.Map(app, clock);
        extraRoutes?.Invoke(app);
        try
        {
            await app.StartAsync(cancellation).ConfigureAwait(false);
            // Kestrel writes the endpoint it bound back into the listen options: the real port, whatever the address
            var bound = listen?.IPEndPoint ?? throw new InvalidOperationException("Kestrel did not report the endpoint it bound");
            return new ServiceEndpoint(app, bound.Port, BaseAddressFor(address, bound.Port));
        }
        catch (Exception e)
        {
            await app.DisposeAsync().ConfigureAwait(false);
            if (e is IOException or SocketException)
                throw new IOException($"cannot listen on {options.Listen} for HTTP: {e.Message}", e);
            throw;
        }
    }

    private static string BaseAddressFor(IPAddress address, int port)
    {
        var host = address.Equals(IPAddress.Any) ? IPAddress.Loopback
            : address.Equals(IPAddress.IPv6Any) ? IPAddress.IPv6Loopback
            : address;
        return "http://" + new IPEndPoint(host, port); // brackets an IPv6 host
    }

    private static Task Answer(HttpContext context, (bool Ok, string Reason) status) =>
        TextResponse.WriteAsync(context, status.Ok ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable,
            (status.Ok ? "ok: " : "not ok: ") + status.Reason);

    /// <summary>Stops listening; a second call does nothing.</summary>
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
