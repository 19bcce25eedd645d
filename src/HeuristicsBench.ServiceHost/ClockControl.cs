using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Builder;

namespace HeuristicsBench.ServiceHost;

/// <summary>
/// <c>/control/clock</c>: GET shows the skew, PUT (or POST) <c>{"offsetMs":..,"driftPpm":..}</c> replaces it,
/// DELETE resets it; each answers with <see cref="ClockState"/>. A bad body is refused with 400 naming the problem.
/// </summary>
internal static class ClockControl
{
    public const string Path = "/control/clock";

    /// <summary>Far above any real clock body; stops a client from making us buffer megabytes.</summary>
    private const long MaxBodyBytes = 4096;

    private const string Shape = "{\"offsetMs\":..,\"driftPpm\":..}";

    public static void Map(IEndpointRouteBuilder routes, AdjustableClock clock)
    {
        routes.MapGet(Path, context => WriteAsync(context, clock));
        routes.MapMethods(Path, ["PUT", "POST"], context => SetAsync(context, clock));
        routes.MapDelete(Path, context =>
        {
            clock.Reset();
            return WriteAsync(context, clock);
        });
    }

    private static async Task SetAsync(HttpContext context, AdjustableClock clock)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = MaxBodyBytes;
        ClockRequest? request;
        try
        {
            request = await JsonSerializer.DeserializeAsync(context.Request.Body, ClockJson.Default.ClockRequest, context.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException e)
        {
            await TextResponse.WriteAsync(context, StatusCodes.Status400BadRequest, $"body is not clock JSON {Shape}: {e.Message}").ConfigureAwait(false);
            return;
        }
        catch (BadHttpRequestException e)
        {
            // body over MaxBodyBytes (413) or cut short
            await TextResponse.WriteAsync(context, e.StatusCode, $"clock body refused: {e.Message}").ConfigureAwait(false);
            return;
        }
        if (request is null)
        {
            await TextResponse.WriteAsync(context, StatusCodes.Status400BadRequest, $"body is null; send {Shape} (DELETE resets)").ConfigureAwait(false);
            return;
        }
        if (!request.TryGetSkew(out var offset, out var driftPpm, out var error))
        {
            await TextResponse.WriteAsync(context, StatusCodes.Status400BadRequest, error).ConfigureAwait(false);
            return;
        }
        clock.Set(offset, driftPpm);
        await WriteAsync(context, clock).ConfigureAwait(false);
    }

    private static Task WriteAsync(HttpContext context, AdjustableClock clock)
    {
        var (skew, current, now) = clock.Read();
        var state = new ClockState(skew.Offset.TotalMilliseconds, skew.DriftPpm, current.TotalMilliseconds, now);
        context.Response.ContentType = "application/json; charset=utf-8";
        return JsonSerializer.SerializeAsync(context.Response.Body, state, ClockJson.Default.ClockState, context.RequestAborted);
    }
}
