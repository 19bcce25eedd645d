namespace HeuristicsBench.Workloads.Streams;

/// <summary>The model (with its noise) cannot produce the requested stream, e.g. it yields only empty cases.</summary>
public sealed class StreamGenerationException : Exception
{
    public StreamGenerationException()
    {
    }

    public StreamGenerationException(string message) : base(message)
    {
    }

    public StreamGenerationException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
