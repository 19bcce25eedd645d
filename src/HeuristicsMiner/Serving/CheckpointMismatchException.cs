namespace HeuristicsMiner.Serving;

/// <summary>A checkpoint holds state made with other summary settings than the miner was started with.</summary>
public sealed class CheckpointMismatchException : Exception
{
    public CheckpointMismatchException()
    {
    }

    public CheckpointMismatchException(string message)
        : base(message)
    {
    }

    public CheckpointMismatchException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
