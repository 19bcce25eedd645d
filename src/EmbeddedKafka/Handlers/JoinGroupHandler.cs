using EmbeddedKafka.Groups;
using EmbeddedKafka.Protocol;
using EmbeddedKafka.Server;

namespace EmbeddedKafka.Handlers;

/// <summary>
/// JoinGroup v0-v5 (v6 is flexible). From v4 a member joining without an id gets MEMBER_ID_REQUIRED and its
/// id, and must join again with it (KIP-394). The response waits until the rebalance completes.
/// </summary>
internal sealed class JoinGroupHandler : IApiHandler
{
    public ApiKey Key => ApiKey.JoinGroup;

    public short MinVersion => 0;

    public short MaxVersion => 5;

    public async ValueTask<bool> HandleAsync(RequestContext context, KafkaReader reader, KafkaWriter writer, CancellationToken cancellationToken)
    {
        short version = context.Version;
        string groupId = reader.ReadString();
        int sessionTimeout = reader.ReadInt32();
        int rebalanceTimeout = version >= 1 ? reader.ReadInt32() : sessionTimeout;
        string memberId = reader.ReadString();
        string? instanceId = version >= 5 ? reader.ReadNullableString() : null;
        string protocolType = reader.ReadString();
        int count = reader.ReadArrayLength();
        var protocols = new List<GroupProtocol>(Math.Max(count, 0));
        for (int i = 0; i < count; i++)
        {
            protocols.Add(new GroupProtocol(reader.ReadString(), reader.ReadBytes()));
        }

        var request = new JoinGroupRequest(
            groupId, sessionTimeout, rebalanceTimeout, memberId, instanceId, protocolType, protocols,
            RequireKnownMemberId: version >= 4, context.Header.ClientId ?? "", context.ClientHost);
        var result = await context.Broker.Groups.JoinAsync(request).WaitAsync(cancellationToken).ConfigureAwait(false);
        if (version >= 2)
        {
            writer.WriteInt32(0);
        }

        writer.WriteError(result.Error);
        writer.WriteInt32(result.GenerationId);
        writer.WriteString(result.ProtocolName);
        writer.WriteString(result.LeaderId);
        writer.WriteString(result.MemberId);
        writer.WriteArrayLength(result.Members.Count);
        foreach (var member in result.Members)
        {
            writer.WriteString(member.MemberId);
            if (version >= 5)
            {
                writer.WriteNullableString(member.GroupInstanceId);
            }

            writer.WriteBytes(member.Metadata);
        }

        return true;
    }
}
