using EmbeddedKafka.Protocol;
using EmbeddedKafka.Server;
using EmbeddedKafka.Storage;

namespace EmbeddedKafka.Handlers;

/// <summary>
/// OffsetFetch v1-v5 (v0 read ZooKeeper offsets; v6 is flexible). A null topic list (v2+) returns every
/// committed offset of the group; a partition without a commit answers offset -1.
/// </summary>
internal sealed class OffsetFetchHandler : IApiHandler
{
    public ApiKey Key => ApiKey.OffsetFetch;

    public short MinVersion => 1;

    public short MaxVersion => 5;

    public ValueTask<bool> HandleAsync(RequestContext context, KafkaReader reader, KafkaWriter writer, CancellationToken cancellationToken)
    {
        short version = context.Version;
        var offsets = context.Broker.Offsets;
        string groupId = reader.ReadString();
        int topicCount = reader.ReadArrayLength();
        var requested = new List<(string Topic, List<int> Partitions)>();
        for (int t = 0; t < topicCount; t++)
        {
            string name = reader.ReadString();
            int count = reader.ReadArrayLength();
            var partitions = new List<int>(Math.Max(count, 0));
            for (int p = 0; p < count; p++)
            {
                partitions.Add(reader.ReadInt32());
            }

            requested.Add((name, partitions));
        }

        if (topicCount < 0)
        {
            requested = [.. offsets.GetAll(groupId)
                .GroupBy(e => e.Key.Topic)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => (g.Key, g.Select(e => e.Key.Partition).Order().ToList()))];
        }

        if (version >= 3)
        {
            writer.WriteInt32(0);
        }

        writer.WriteArrayLength(requested.Count);
        foreach (var (name, partitions) in requested)
        {
            writer.WriteString(name);
            writer.WriteArrayLength(partitions.Count);
            foreach (int index in partitions)
            {
                var committed = offsets.Get(groupId, new TopicPartition(name, index));
                writer.WriteInt32(index);
                writer.WriteInt64(committed?.Offset ?? -1);
                if (version >= 5)
                {
                    writer.WriteInt32(committed?.LeaderEpoch ?? -1);
                }

                writer.WriteNullableString(committed?.Metadata ?? "");
                writer.WriteError(ErrorCode.None);
            }
        }

        if (version >= 2)
        {
            writer.WriteError(ErrorCode.None);
        }

        return ValueTask.FromResult(true);
    }
}
