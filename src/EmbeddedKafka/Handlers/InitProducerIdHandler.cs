using EmbeddedKafka.Protocol;
using EmbeddedKafka.Server;

namespace EmbeddedKafka.Handlers;

/// <summary>
/// InitProducerId v0-v1 (v2 is flexible): gives an idempotent producer a fresh producer id with epoch 0.
/// Transactional ids are refused (no transaction coordinator).
/// </summary>
internal sealed class InitProducerIdHandler : IApiHandler
{
    public ApiKey Key => ApiKey.InitProducerId;

    public short MinVersion => 0;

    public short MaxVersion => 1;

    public ValueTask<bool> HandleAsync(RequestContext context, KafkaReader reader, KafkaWriter writer, CancellationToken cancellationToken)
    {
        string? transactionalId = reader.ReadNullableString();
        reader.ReadInt32();
        writer.WriteInt32(0);
        if (transactionalId is not null)
        {
            writer.WriteError(ErrorCode.InvalidRequest);
            writer.WriteInt64(-1);
            writer.WriteInt16(-1);
        }
        else
        {
            writer.WriteError(ErrorCode.None);
            writer.WriteInt64(context.Broker.ProducerIds.Allocate());
            writer.WriteInt16(0);
        }

        return ValueTask.FromResult(true);
    }
}
