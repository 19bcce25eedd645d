using EmbeddedKafka.Protocol;
using EmbeddedKafka.Server;

namespace EmbeddedKafka.Handlers;

/// <summary>SyncGroup v0-v3 (v4 is flexible): the leader sends every assignment; each member receives its own.</summary>
internal sealed class SyncGroupHandler : IApiHandler
{
    public ApiKey Key => ApiKey.SyncGroup;

    public short MinVersion => 0;

    public short MaxVersion => 3;

    public async ValueTask<bool> HandleAsync(RequestContext context, KafkaReader reader, KafkaWriter writer, CancellationToken cancellationToken)
    {
        short version = context.Version;
        string groupId = reader.ReadString();
        int generationId = reader.ReadInt32();
        string memberId = reader.ReadString();
        if (version >= 3)
        {
            reader.ReadNullableString();
        }

        int count = reader.ReadArrayLength();
        var assignments = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        for (int i = 0; i < count; i++)
        {
            string member = reader.ReadString();
            assignments[member] = reader.ReadBytes();
        }

        var result = await context.Broker.Groups.SyncAsync(groupId, generationId, memberId, assignments)
            .WaitAsync(cancellationToken).ConfigureAwait(false);
        if (version >= 1)
        {
            writer.WriteInt32(0);
        }

        writer.WriteError(result.Error);
        writer.WriteBytes(result.Assignment);
        return true;
    }
}
