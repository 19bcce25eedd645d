namespace HeuristicsMiner.Checkpoints;

/// <summary>librdkafka refused the extra settings of one of the Kafka checkpoint store's clients.</summary>
public sealed class CheckpointClientSettingsException : Exception
{
    public CheckpointClientSettingsException()
    {
    }

    public CheckpointClientSettingsException(string message)
        : base(message)
    {
    }

    public CheckpointClientSettingsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
