namespace HeuristicsBench.ChaosMesh;

/// <summary>The Kubernetes API refused or failed a request, or Chaos Mesh did not reach a state in time.</summary>
public class ChaosMeshException : Exception
{
    public ChaosMeshException()
    {
    }

    public ChaosMeshException(string message)
        : base(message)
    {
    }

    public ChaosMeshException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>The HTTP status of the failed API request, when there was one.</summary>
    public int? StatusCode { get; init; }
}
