using EmbeddedKafka.Protocol;
using EmbeddedKafka.Server;

namespace EmbeddedKafka.Handlers;

/// <summary>ListGroups v0-v2 (v3 is flexible): every group with members or committed offsets.</summary>
internal sealed class ListGroupsHandler : IApiHandler
{
    public ApiKey Key => ApiKey.ListGroups;

    public short MinVersion => 0;

    public short MaxVersion => 2;

    public ValueTask<bool> HandleAsync(RequestContext context, KafkaReader reader, KafkaWriter writer, CancellationToken cancellationToken)
    {
        var groups = context.Broker.Groups.List()
            .Where(g => g.State != Groups.GroupState.Dead)
            .OrderBy(g => g.GroupId, StringComparer.Ordinal)
            .ToList();
        if (context.Version >= 1)
        {
            writer.WriteInt32(0);
        }

        writer.WriteError(ErrorCode.None);
        writer.WriteArrayLength(groups.Count);
        foreach (var group in groups)
        {
            writer.WriteString(group.GroupId);
            writer.WriteString(group.ProtocolType);
        }

        return ValueTask.FromResult(true);
    }
}
