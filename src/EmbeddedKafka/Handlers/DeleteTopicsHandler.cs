using EmbeddedKafka.Protocol;
using EmbeddedKafka.Server;

namespace EmbeddedKafka.Handlers;

/// <summary>DeleteTopics v0-v3 (v4 is flexible): removes the topics, their data and their committed offsets.</summary>
internal sealed class DeleteTopicsHandler : IApiHandler
{
    public ApiKey Key => ApiKey.DeleteTopics;

    public short MinVersion => 0;

    public short MaxVersion => 3;

    public ValueTask<bool> HandleAsync(RequestContext context, KafkaReader reader, KafkaWriter writer, CancellationToken cancellationToken)
    {
        int count = reader.ReadArrayLength();
        var names = new List<string>(Math.Max(count, 0));
        for (int i = 0; i < count; i++)
        {
            names.Add(reader.ReadString());
        }

        reader.ReadInt32();
        if (context.Version >= 1)
        {
            writer.WriteInt32(0);
        }

        writer.WriteArrayLength(names.Count);
        foreach (string name in names)
        {
            writer.WriteString(name);
            writer.WriteError(context.Broker.Topics.Delete(name));
        }

        return ValueTask.FromResult(true);
    }
}
