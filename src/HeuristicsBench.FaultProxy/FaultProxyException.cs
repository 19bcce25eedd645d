namespace HeuristicsBench.FaultProxy;

/// <summary>Why a request to the proxy server was refused; the HTTP API maps each kind to Toxiproxy's status code.</summary>
public enum FaultProxyErrorKind
{
    /// <summary>A malformed or invalid request (400).</summary>
    BadRequest,

    /// <summary>No proxy or toxic of that name (404).</summary>
    NotFound,

    /// <summary>A proxy or toxic of that name already exists (409).</summary>
    Conflict,

    /// <summary>The listen address could not be bound (500, as Toxiproxy answers other errors).</summary>
    ListenFailed,
}

/// <summary>A refused operation on <see cref="FaultProxyServer"/>; the message is Toxiproxy's wording where it has one.</summary>
public sealed class FaultProxyException : Exception
{
    public FaultProxyException(FaultProxyErrorKind kind, string message, Exception? inner = null) : base(message, inner) => Kind = kind;

    public FaultProxyException() : this(FaultProxyErrorKind.BadRequest, "bad request") { }

    public FaultProxyException(string message) : this(FaultProxyErrorKind.BadRequest, message) { }

    public FaultProxyException(string message, Exception inner) : this(FaultProxyErrorKind.BadRequest, message, inner) { }

    public FaultProxyErrorKind Kind { get; }
}
