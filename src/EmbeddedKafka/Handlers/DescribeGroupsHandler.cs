using EmbeddedKafka.Protocol;
using EmbeddedKafka.Server;

namespace EmbeddedKafka.Handlers;

/// <summary>DescribeGroups v0-v4 (v5 is flexible). An unknown group is described as Dead, as Kafka does.</summary>
internal sealed class DescribeGroupsHandler : IApiHandler
{
    public ApiKey Key => ApiKey.DescribeGroups;

    public short MinVersion => 0;

    public short MaxVersion => 4;

    public ValueTask<bool> HandleAsync(RequestContext context, KafkaReader reader, KafkaWriter writer, CancellationToken cancellationToken)
    {
        short version = context.Version;
        int count = reader.ReadArrayLength();
        var groupIds = new List<string>(Math.Max(count, 0));
        for (int i = 0; i < count; i++)
        {
            groupIds.Add(reader.ReadString());
        }

        if (version >= 3)
        {
            reader.ReadBoolean();
        }

        if (version >= 1)
        {
            writer.WriteInt32(0);
        }

        writer.WriteArrayLength(groupIds.Count);
        foreach (string groupId in groupIds)
        {
            var group = context.Broker.Groups.Describe(groupId);
            writer.WriteError(ErrorCode.None);
            writer.WriteString(groupId);
            writer.WriteString(group.State.ToString());
            writer.WriteString(group.ProtocolType);
            writer.WriteString(group.ProtocolName);
            writer.WriteArrayLength(group.Members.Count);
            foreach (var member in group.Members)
            {
                writer.WriteString(member.MemberId);
                if (version >= 4)
                {
                    writer.WriteNullableString(member.GroupInstanceId);
                }

                writer.WriteString(member.ClientId);
                writer.WriteString(member.ClientHost);
                writer.WriteBytes(member.Metadata);
                writer.WriteBytes(member.Assignment);
            }

            if (version >= 3)
            {
                writer.WriteInt32(int.MinValue);
            }
        }

        return ValueTask.FromResult(true);
    }
}
