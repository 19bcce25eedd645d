using EmbeddedKafka.Protocol;
using EmbeddedKafka.Server;
using EmbeddedKafka.Storage;

namespace EmbeddedKafka.Handlers;

/// <summary>
/// Metadata v0-v8 (v9 is flexible). The one broker is described with the advertised address of the listener
/// the request came through. Unknown topics are auto-created when the broker allows it and the request does
/// (allow_auto_topic_creation, v4+; always for older versions).
/// </summary>
internal sealed class MetadataHandler : IApiHandler
{
    public ApiKey Key => ApiKey.Metadata;

    public short MinVersion => 0;

    public short MaxVersion => 8;

    public ValueTask<bool> HandleAsync(RequestContext context, KafkaReader reader, KafkaWriter writer, CancellationToken cancellationToken)
    {
        short version = context.Version;
        int count = reader.ReadArrayLength();
        List<string>? requested = null;
        if (count >= 0)
        {
            requested = new List<string>(count);
            for (int i = 0; i < count; i++)
            {
                requested.Add(reader.ReadString());
            }
        }

        bool allowAutoCreate = version < 4 || reader.ReadBoolean();
        if (version >= 8)
        {
            reader.ReadBoolean();
            reader.ReadBoolean();
        }

        if (version == 0 && requested is { Count: 0 })
        {
            requested = null;
        }

        var broker = context.Broker;
        if (version >= 3)
        {
            writer.WriteInt32(0);
        }

        writer.WriteArrayLength(1);
        writer.WriteInt32(broker.Options.NodeId);
        writer.WriteString(context.Listener.AdvertisedHost);
        writer.WriteInt32(context.Listener.AdvertisedPort);
        if (version >= 1)
        {
            writer.WriteNullableString(null);
        }

        if (version >= 2)
        {
            writer.WriteNullableString(broker.Options.ClusterId);
        }

        if (version >= 1)
        {
            writer.WriteInt32(broker.Options.NodeId);
        }

        var topics = requested is null
            ? broker.Topics.Topics.OrderBy(t => t.Name, StringComparer.Ordinal).Select(t => (t.Name, (Topic?)t)).ToList()
            : requested.Select(n => (n, broker.GetTopic(n, allowAutoCreate))).ToList();
        writer.WriteArrayLength(topics.Count);
        foreach (var (name, topic) in topics)
        {
            ErrorCode error = topic is not null ? ErrorCode.None
                : TopicNames.IsValid(name) ? ErrorCode.UnknownTopicOrPartition
                : ErrorCode.InvalidTopicException;
            writer.WriteError(error);
            writer.WriteString(name);
            if (version >= 1)
            {
                writer.WriteBoolean(false);
            }

            int partitions = topic?.Partitions.Count ?? 0;
            writer.WriteArrayLength(partitions);
            for (int p = 0; p < partitions; p++)
            {
                writer.WriteError(ErrorCode.None);
                writer.WriteInt32(p);
                writer.WriteInt32(broker.Options.NodeId);
                if (version >= 7)
                {
                    writer.WriteInt32(0);
                }

                writer.WriteArrayLength(1);
                writer.WriteInt32(broker.Options.NodeId);
                writer.WriteArrayLength(1);
                writer.WriteInt32(broker.Options.NodeId);
                if (version >= 5)
                {
                    writer.WriteArrayLength(0);
                }
            }

            if (version >= 8)
            {
                writer.WriteInt32(int.MinValue);
            }
        }

        if (version >= 8)
        {
            writer.WriteInt32(int.MinValue);
        }

        return ValueTask.FromResult(true);
    }
}
