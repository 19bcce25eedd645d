namespace EmbeddedKafka.Protocol;

/// <summary>A request that cannot be decoded; the connection that sent it is closed.</summary>
public sealed class KafkaProtocolException : Exception
{
    public KafkaProtocolException()
    {
    }

    public KafkaProtocolException(string message) : base(message)
    {
    }

    public KafkaProtocolException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
