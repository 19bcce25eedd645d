using System.Runtime.InteropServices;
using EmbeddedKafka.Protocol;
using EmbeddedKafka.Server;
using EmbeddedKafka.Storage;

namespace EmbeddedKafka.Handlers;

/// <summary>
/// Produce v3-v8 (v3 is the first with record batch v2 only; v9 is flexible). Each partition's batch is
/// validated, then appended; with one replica acks=1 and acks=all mean the same: the batch is written before
/// the answer. acks=0 gets no response at all, as in Kafka.
/// </summary>
internal sealed class ProduceHandler : IApiHandler
{
    public ApiKey Key => ApiKey.Produce;

    public short MinVersion => 3;

    public short MaxVersion => 8;

    public ValueTask<bool> HandleAsync(RequestContext context, KafkaReader reader, KafkaWriter writer, CancellationToken cancellationToken)
    {
        short version = context.Version;
        var broker = context.Broker;
        string? transactionalId = reader.ReadNullableString();
        short acks = reader.ReadInt16();
        reader.ReadInt32();
        bool acksValid = acks is -1 or 0 or 1;
        int topicCount = reader.ReadArrayLength();
        writer.WriteArrayLength(Math.Max(topicCount, 0));
        for (int t = 0; t < topicCount; t++)
        {
            string name = reader.ReadString();
            writer.WriteString(name);
            int partitionCount = reader.ReadArrayLength();
            writer.WriteArrayLength(Math.Max(partitionCount, 0));
            Topic? topic = null;
            bool looked = false;
            for (int p = 0; p < partitionCount; p++)
            {
                int index = reader.ReadInt32();
                var records = reader.ReadNullableBytes();
                if (!looked && acksValid && transactionalId is null)
                {
                    topic = broker.GetTopic(name, allowAutoCreate: true);
                    looked = true;
                }

                var result = !acksValid ? Failed(ErrorCode.InvalidRequiredAcks)
                    : transactionalId is not null ? Failed(ErrorCode.InvalidRequest)
                    : Append(broker, topic, name, index, records);
                writer.WriteInt32(index);
                writer.WriteError(result.Error);
                writer.WriteInt64(result.BaseOffset);
                writer.WriteInt64(result.LogAppendTime);
                if (version >= 5)
                {
                    writer.WriteInt64(topic?.Partition(index)?.LogStartOffset ?? -1);
                }

                if (version >= 8)
                {
                    writer.WriteArrayLength(0);
                    writer.WriteNullableString(null);
                }
            }
        }

        writer.WriteInt32(0);
        return ValueTask.FromResult(acks != 0);
    }

    private static AppendResult Failed(ErrorCode error) => new(error, -1, -1, 0);

    private static AppendResult Append(BrokerContext broker, Topic? topic, string name, int index, ReadOnlyMemory<byte>? records)
    {
        var log = topic?.Partition(index);
        if (log is null)
        {
            return Failed(TopicNames.IsValid(name) ? ErrorCode.UnknownTopicOrPartition : ErrorCode.InvalidTopicException);
        }

        if (records is null)
        {
            return Failed(ErrorCode.CorruptMessage);
        }

        // The request frame is this connection's own buffer, so the batch can be stamped with its offsets in place.
        var batch = MemoryMarshal.AsMemory(records.Value).Span;
        var error = RecordBatchValidator.Validate(batch, topic!.Config.MaxMessageBytes, out var header);
        if (error != ErrorCode.None)
        {
            broker.Metrics.RecordRejected(name, error.ToString());
            return Failed(error);
        }

        AppendResult result;
        try
        {
            result = log.Append(batch, header, broker.NowMs, broker.Options.FlushOnAppend);
        }
        catch (ObjectDisposedException)
        {
            return Failed(ErrorCode.UnknownTopicOrPartition);
        }

        if (result.Error == ErrorCode.None)
        {
            broker.Metrics.RecordProduced(name, batch.Length, result.Records);
        }
        else
        {
            broker.Metrics.RecordRejected(name, result.Error.ToString());
        }

        return result;
    }
}
