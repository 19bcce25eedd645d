using EmbeddedKafka.Protocol;
using EmbeddedKafka.Server;

namespace EmbeddedKafka.Handlers;

/// <summary>Heartbeat v0-v3 (v4 is flexible): keeps the member's session alive; tells it about rebalances.</summary>
internal sealed class HeartbeatHandler : IApiHandler
{
    public ApiKey Key => ApiKey.Heartbeat;

    public short MinVersion => 0;

    public short MaxVersion => 3;

    public ValueTask<bool> HandleAsync(RequestContext context, KafkaReader reader, KafkaWriter writer, CancellationToken cancellationToken)
    {
        string groupId = reader.ReadString();
        int generationId = reader.ReadInt32();
        string memberId = reader.ReadString();
        if (context.Version >= 3)
        {
            reader.ReadNullableString();
        }

        var error = context.Broker.Groups.Heartbeat(groupId, generationId, memberId);
        if (context.Version >= 1)
        {
            writer.WriteInt32(0);
        }

        writer.WriteError(error);
        return ValueTask.FromResult(true);
    }
}
