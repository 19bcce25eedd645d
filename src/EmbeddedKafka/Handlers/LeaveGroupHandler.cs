using EmbeddedKafka.Protocol;
using EmbeddedKafka.Server;

namespace EmbeddedKafka.Handlers;

/// <summary>LeaveGroup v0-v3 (v4 is flexible); v3 carries a list of members (KIP-345).</summary>
internal sealed class LeaveGroupHandler : IApiHandler
{
    public ApiKey Key => ApiKey.LeaveGroup;

    public short MinVersion => 0;

    public short MaxVersion => 3;

    public ValueTask<bool> HandleAsync(RequestContext context, KafkaReader reader, KafkaWriter writer, CancellationToken cancellationToken)
    {
        short version = context.Version;
        var groups = context.Broker.Groups;
        string groupId = reader.ReadString();
        if (version >= 1)
        {
            writer.WriteInt32(0);
        }

        if (version < 3)
        {
            string memberId = reader.ReadString();
            writer.WriteError(groups.Leave(groupId, memberId));
            return ValueTask.FromResult(true);
        }

        int count = reader.ReadArrayLength();
        var members = new List<(string MemberId, string? InstanceId)>();
        for (int i = 0; i < count; i++)
        {
            members.Add((reader.ReadString(), reader.ReadNullableString()));
        }

        writer.WriteError(ErrorCode.None);
        writer.WriteArrayLength(members.Count);
        foreach (var (memberId, instanceId) in members)
        {
            writer.WriteString(memberId);
            writer.WriteNullableString(instanceId);
            writer.WriteError(groups.Leave(groupId, memberId));
        }

        return ValueTask.FromResult(true);
    }
}
