using System.Globalization;

namespace HeuristicsBench.Prometheus.Api;

/// <summary>
/// Prometheus's HTTP API: <c>GET /api/v1/query_range</c> and <c>GET /api/v1/query</c> under a configurable base
/// address (which may carry a path prefix, e.g. <c>http://prometheus:9090/prom/</c>). Times go out as Unix seconds
/// with millisecond precision, the step as seconds. A refused query, an HTTP error or an answer that is not a result
/// throws <see cref="PrometheusQueryException"/> naming the query.
/// </summary>
public sealed class PrometheusClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;

    /// <summary>A client with its own <see cref="HttpClient"/> (timeout <paramref name="timeout"/>, 30 s by default).</summary>
    public PrometheusClient(Uri baseAddress, TimeSpan? timeout = null)
        : this(baseAddress, new HttpClient { Timeout = timeout ?? TimeSpan.FromSeconds(30) }, ownsHttp: true)
    {
    }

    /// <summary>A client over the caller's <see cref="HttpClient"/> (not disposed with this client).</summary>
    public PrometheusClient(Uri baseAddress, HttpClient http)
        : this(baseAddress, http, ownsHttp: false)
    {
    }

    private PrometheusClient(Uri baseAddress, HttpClient http, bool ownsHttp)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        ArgumentNullException.ThrowIfNull(http);
        if (!baseAddress.IsAbsoluteUri || (baseAddress.Scheme != Uri.UriSchemeHttp && baseAddress.Scheme != Uri.UriSchemeHttps))
            throw new ArgumentException($"the Prometheus address must be an absolute http(s) URL, got {baseAddress}", nameof(baseAddress));
        // a base without a trailing slash would lose its last path segment when the API path is resolved against it
        BaseAddress = baseAddress.AbsoluteUri.EndsWith('/') ? baseAddress : new Uri(baseAddress.AbsoluteUri + "/");
        _http = http;
        _ownsHttp = ownsHttp;
    }

    public Uri BaseAddress { get; }

    /// <summary>Evaluates <paramref name="promql"/> at every <paramref name="step"/> from <paramref name="start"/> to
    /// <paramref name="end"/> (both included when they fall on a step); the series of the matrix result.</summary>
    public async Task<IReadOnlyList<RangeSeries>> QueryRangeAsync(string promql, DateTimeOffset start, DateTimeOffset end, TimeSpan step, CancellationToken cancel)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(promql);
        if (step <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(step), step, "the step must be positive");
        if (end < start)
            throw new ArgumentException($"the range ends ({end:O}) before it starts ({start:O})", nameof(end));
        var uri = new Uri(BaseAddress, "api/v1/query_range?" + QueryString(
            ("query", promql), ("start", UnixSeconds(start)), ("end", UnixSeconds(end)), ("step", Seconds(step))));
        var (status, body) = await GetAsync(promql, uri, cancel).ConfigureAwait(false);
        return PrometheusResponse.ParseMatrix(promql, status, body);
    }

    /// <summary>Evaluates <paramref name="promql"/> at <paramref name="time"/>; the vector's samples (a scalar: one sample without labels).</summary>
    public async Task<IReadOnlyList<InstantSample>> QueryAsync(string promql, DateTimeOffset time, CancellationToken cancel)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(promql);
        var uri = new Uri(BaseAddress, "api/v1/query?" + QueryString(("query", promql), ("time", UnixSeconds(time))));
        var (status, body) = await GetAsync(promql, uri, cancel).ConfigureAwait(false);
        return PrometheusResponse.ParseInstant(promql, status, body);
    }

    private async Task<(int Status, string Body)> GetAsync(string promql, Uri uri, CancellationToken cancel)
    {
        try
        {
            using var response = await _http.GetAsync(uri, cancel).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(cancel).ConfigureAwait(false);
            return ((int)response.StatusCode, body);
        }
        catch (HttpRequestException e)
        {
            throw new PrometheusQueryException(promql, $"GET {uri.GetLeftPart(UriPartial.Path)} failed: {e.Message}", e);
        }
        catch (TaskCanceledException e) when (!cancel.IsCancellationRequested)
        {
            throw new PrometheusQueryException(promql, $"GET {uri.GetLeftPart(UriPartial.Path)} timed out after {_http.Timeout.TotalSeconds:0.#} s", e);
        }
    }

    private static string QueryString(params (string Name, string Value)[] parameters) =>
        string.Join('&', parameters.Select(p => p.Name + "=" + Uri.EscapeDataString(p.Value)));

    private static string UnixSeconds(DateTimeOffset time) =>
        (time.ToUnixTimeMilliseconds() / 1000m).ToString(CultureInfo.InvariantCulture);

    private static string Seconds(TimeSpan span) => ((decimal)span.TotalSeconds).ToString(CultureInfo.InvariantCulture);

    public void Dispose()
    {
        if (_ownsHttp)
            _http.Dispose();
    }
}
