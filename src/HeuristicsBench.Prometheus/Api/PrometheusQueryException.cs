namespace HeuristicsBench.Prometheus.Api;

/// <summary>A query Prometheus refused or answered with something that is not a query result. The message names the
/// query, the HTTP status and Prometheus's <c>errorType</c>/<c>error</c> when it sent them.</summary>
public sealed class PrometheusQueryException : Exception
{
    public PrometheusQueryException()
    {
    }

    public PrometheusQueryException(string message)
        : base(message)
    {
    }

    public PrometheusQueryException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public PrometheusQueryException(string query, string message, Exception? inner = null)
        : base($"Prometheus query `{query}`: {message}", inner)
    {
        Query = query;
    }

    /// <summary>The PromQL that failed (null when the exception was made without one).</summary>
    public string? Query { get; }
}
