namespace EmbeddedKafka.Protocol;

/// <summary>Topic setting message.timestamp.type.</summary>
public enum TimestampType
{
    CreateTime = 0,
    LogAppendTime = 1,
}
