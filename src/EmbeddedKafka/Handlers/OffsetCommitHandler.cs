using EmbeddedKafka.Protocol;
using EmbeddedKafka.Server;
using EmbeddedKafka.Storage;

namespace EmbeddedKafka.Handlers;

/// <summary>
/// OffsetCommit v0-v7 (v8 is flexible). The member and generation are checked by the coordinator (generation
/// -1 with no member id is a commit for a group without members, as used with manual assignment); accepted
/// offsets are written to the offsets file before the response.
/// </summary>
internal sealed class OffsetCommitHandler : IApiHandler
{
    public ApiKey Key => ApiKey.OffsetCommit;

    public short MinVersion => 0;

    public short MaxVersion => 7;

    public ValueTask<bool> HandleAsync(RequestContext context, KafkaReader reader, KafkaWriter writer, CancellationToken cancellationToken)
    {
        short version = context.Version;
        var broker = context.Broker;
        string groupId = reader.ReadString();
        int generationId = -1;
        string memberId = "";
        if (version >= 1)
        {
            generationId = reader.ReadInt32();
            memberId = reader.ReadString();
        }

        if (version >= 7)
        {
            reader.ReadNullableString();
        }

        if (version is >= 2 and <= 4)
        {
            reader.ReadInt64();
        }

        var groupError = broker.Groups.ValidateCommit(groupId, generationId, memberId);
        long now = broker.NowMs;
        var accepted = new List<KeyValuePair<TopicPartition, CommittedOffset?>>();
        var results = new List<(string Topic, List<(int Partition, ErrorCode Error)> Partitions)>();
        int topicCount = reader.ReadArrayLength();
        for (int t = 0; t < topicCount; t++)
        {
            string name = reader.ReadString();
            var topic = broker.Topics.Get(name);
            var partitions = new List<(int, ErrorCode)>();
            int partitionCount = reader.ReadArrayLength();
            for (int p = 0; p < partitionCount; p++)
            {
                int index = reader.ReadInt32();
                long offset = reader.ReadInt64();
                if (version == 1)
                {
                    reader.ReadInt64();
                }

                int leaderEpoch = version >= 6 ? reader.ReadInt32() : -1;
                string? metadata = reader.ReadNullableString();
                var error = groupError;
                if (error == ErrorCode.None && topic?.Partition(index) is null)
                {
                    error = ErrorCode.UnknownTopicOrPartition;
                }
                else if (error == ErrorCode.None && metadata is not null && metadata.Length > broker.Options.Groups.MaxMetadataBytes)
                {
                    error = ErrorCode.OffsetMetadataTooLarge;
                }

                if (error == ErrorCode.None)
                {
                    accepted.Add(new(new TopicPartition(name, index), new CommittedOffset(offset, leaderEpoch, metadata, now)));
                }

                partitions.Add((index, error));
            }

            results.Add((name, partitions));
        }

        broker.Offsets.Commit(groupId, accepted);
        if (version >= 3)
        {
            writer.WriteInt32(0);
        }

        writer.WriteArrayLength(results.Count);
        foreach (var (name, partitions) in results)
        {
            writer.WriteString(name);
            writer.WriteArrayLength(partitions.Count);
            foreach (var (index, error) in partitions)
            {
                writer.WriteInt32(index);
                writer.WriteError(error);
            }
        }

        return ValueTask.FromResult(true);
    }
}
