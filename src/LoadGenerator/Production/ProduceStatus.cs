namespace LoadGenerator.Production;

/// <summary>How a <c>produce</c> run ended.</summary>
public enum ProduceStatus
{
    /// <summary>Every event up to --events or --duration was acknowledged.</summary>
    Completed,

    /// <summary>Stopped by SIGTERM/SIGINT; everything handed to the producer was acknowledged before exit.</summary>
    Stopped,

    /// <summary>A delivery failed, or a stop found events still unacknowledged after the drain timeout.</summary>
    Failed,
}
