using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace HeuristicsBench.Runner.Tests.Support;

/// <summary>
/// A stand-in for Prometheus's query_range on 127.0.0.1: every query gets one series (one per partition 0..1 for a
/// <c>by (partition)</c> query) with the value <see cref="Value"/> at each step, and the queries are recorded.
/// </summary>
internal sealed class FakePrometheus : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<string> _queries = [];

    private FakePrometheus(WebApplication app) => _app = app;

    public double Value { get; init; } = 7;

    public Uri BaseUrl { get; private set; } = null!;

    public IReadOnlyList<string> Queries
    {
        get
        {
            lock (_queries)
                return [.. _queries];
        }
    }

    public static async Task<FakePrometheus> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakePrometheus(app);
        app.Run(fake.HandleAsync);
        await app.StartAsync();
        fake.BaseUrl = new Uri(app.Urls.First());
        return fake;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var query = context.Request.Query["query"].ToString();
        lock (_queries)
            _queries.Add(query);
        var start = double.Parse(context.Request.Query["start"]!, CultureInfo.InvariantCulture);
        var end = double.Parse(context.Request.Query["end"]!, CultureInfo.InvariantCulture);
        var points = string.Join(',', Enumerable.Range(0, (int)(end - start) + 1)
            .Select(i => string.Create(CultureInfo.InvariantCulture, $"[{start + i},\"{Value}\"]")));
        var series = query.Contains("by (partition)", StringComparison.Ordinal)
            ? string.Join(',', Enumerable.Range(0, 2).Select(p => $"{{\"metric\":{{\"partition\":\"{p}\"}},\"values\":[{points}]}}"))
            : $"{{\"metric\":{{}},\"values\":[{points}]}}";
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync($"{{\"status\":\"success\",\"data\":{{\"resultType\":\"matrix\",\"result\":[{series}]}}}}");
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
