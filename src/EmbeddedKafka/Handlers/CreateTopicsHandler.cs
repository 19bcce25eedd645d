using EmbeddedKafka.Protocol;
using EmbeddedKafka.Server;

namespace EmbeddedKafka.Handlers;

/// <summary>
/// CreateTopics v0-v4 (v5 is flexible). num_partitions -1 takes the broker default; the replication factor
/// must be -1 or 1 (one broker); manual assignments give the partition count; validate_only (v1+) checks only.
/// </summary>
internal sealed class CreateTopicsHandler : IApiHandler
{
    public ApiKey Key => ApiKey.CreateTopics;

    public short MinVersion => 0;

    public short MaxVersion => 4;

    public ValueTask<bool> HandleAsync(RequestContext context, KafkaReader reader, KafkaWriter writer, CancellationToken cancellationToken)
    {
        short version = context.Version;
        var broker = context.Broker;
        var requests = new List<(string Name, int Partitions, short Replication, int Assignments, List<(string, string?)> Configs)>();
        int count = reader.ReadArrayLength();
        for (int t = 0; t < count; t++)
        {
            string name = reader.ReadString();
            int partitions = reader.ReadInt32();
            short replication = reader.ReadInt16();
            int assignments = reader.ReadArrayLength();
            for (int a = 0; a < assignments; a++)
            {
                reader.ReadInt32();
                int brokers = reader.ReadArrayLength();
                reader.Skip(4 * Math.Max(brokers, 0));
            }

            int configCount = reader.ReadArrayLength();
            var configs = new List<(string, string?)>(Math.Max(configCount, 0));
            for (int c = 0; c < configCount; c++)
            {
                configs.Add((reader.ReadString(), reader.ReadNullableString()));
            }

            requests.Add((name, partitions, replication, Math.Max(assignments, 0), configs));
        }

        reader.ReadInt32();
        bool validateOnly = version >= 1 && reader.ReadBoolean();
        if (version >= 2)
        {
            writer.WriteInt32(0);
        }

        writer.WriteArrayLength(requests.Count);
        foreach (var request in requests)
        {
            ErrorCode error;
            string? message = null;
            int partitions = request.Assignments > 0 ? request.Assignments
                : request.Partitions == -1 ? broker.Options.DefaultPartitions
                : request.Partitions;
            if (request.Replication is not (-1 or 1) && request.Assignments == 0)
            {
                error = ErrorCode.InvalidReplicationFactor;
                message = $"replication factor {request.Replication} is larger than the 1 available broker";
            }
            else if (request.Assignments > 0 && request.Partitions != -1)
            {
                error = ErrorCode.InvalidRequest;
                message = "give either num_partitions or assignments";
            }
            else
            {
                var (config, configError) = TopicConfigParser.Apply(broker.DefaultTopicConfig(partitions), request.Configs);
                if (configError is not null)
                {
                    error = ErrorCode.InvalidConfig;
                    message = configError;
                }
                else
                {
                    error = broker.Topics.Create(request.Name, config, validateOnly);
                }
            }

            writer.WriteString(request.Name);
            writer.WriteError(error);
            if (version >= 1)
            {
                writer.WriteNullableString(message);
            }
        }

        return ValueTask.FromResult(true);
    }
}
