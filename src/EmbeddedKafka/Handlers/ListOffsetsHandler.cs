using EmbeddedKafka.Protocol;
using EmbeddedKafka.Server;

namespace EmbeddedKafka.Handlers;

/// <summary>
/// ListOffsets v1-v5 (v6 is flexible): timestamp -1 is the log end offset (latest), -2 the log start offset
/// (earliest); any other timestamp finds the first record at or after it (see PartitionLog.OffsetForTimestamp), or -1.
/// </summary>
internal sealed class ListOffsetsHandler : IApiHandler
{
    public ApiKey Key => ApiKey.ListOffsets;

    public short MinVersion => 1;

    public short MaxVersion => 5;

    public ValueTask<bool> HandleAsync(RequestContext context, KafkaReader reader, KafkaWriter writer, CancellationToken cancellationToken)
    {
        short version = context.Version;
        var broker = context.Broker;
        reader.ReadInt32();
        if (version >= 2)
        {
            reader.ReadInt8();
        }

        if (version >= 2)
        {
            writer.WriteInt32(0);
        }

        int topicCount = reader.ReadArrayLength();
        writer.WriteArrayLength(Math.Max(topicCount, 0));
        for (int t = 0; t < topicCount; t++)
        {
            string name = reader.ReadString();
            writer.WriteString(name);
            var topic = broker.Topics.Get(name);
            int partitionCount = reader.ReadArrayLength();
            writer.WriteArrayLength(Math.Max(partitionCount, 0));
            for (int p = 0; p < partitionCount; p++)
            {
                int index = reader.ReadInt32();
                if (version >= 4)
                {
                    reader.ReadInt32();
                }

                long timestamp = reader.ReadInt64();
                var log = topic?.Partition(index);
                var error = ErrorCode.None;
                long offset = -1;
                long foundTimestamp = -1;
                if (log is null)
                {
                    error = ErrorCode.UnknownTopicOrPartition;
                }
                else if (timestamp == -1)
                {
                    offset = log.LogEndOffset;
                }
                else if (timestamp == -2)
                {
                    offset = log.LogStartOffset;
                }
                else if (timestamp < 0)
                {
                    error = ErrorCode.InvalidRequest;
                }
                else if (log.OffsetForTimestamp(timestamp) is { } found)
                {
                    (offset, foundTimestamp) = found;
                }

                writer.WriteInt32(index);
                writer.WriteError(error);
                writer.WriteInt64(foundTimestamp);
                writer.WriteInt64(offset);
                if (version >= 4)
                {
                    writer.WriteInt32(error == ErrorCode.None ? 0 : -1);
                }
            }
        }

        return ValueTask.FromResult(true);
    }
}
