using EmbeddedKafka.Protocol;
using EmbeddedKafka.Server;
using EmbeddedKafka.Storage;

namespace EmbeddedKafka.Handlers;

/// <summary>
/// Fetch v4-v11 (v4 is the first with record batch v2 only; v12 is flexible). Long polling: when fewer than
/// min_bytes are available the request waits, up to max_wait_ms, for an append to any requested partition,
/// then reads again. Whole batches are returned; the first batch is returned even when larger than the limits
/// (KIP-74), so a consumer always makes progress. Fetch sessions (KIP-227) are not kept: every response says
/// session 0, which tells clients to send full fetch requests.
/// </summary>
internal sealed class FetchHandler : IApiHandler
{
    public ApiKey Key => ApiKey.Fetch;

    public short MinVersion => 4;

    public short MaxVersion => 11;

    public async ValueTask<bool> HandleAsync(RequestContext context, KafkaReader reader, KafkaWriter writer, CancellationToken cancellationToken)
    {
        short version = context.Version;
        var broker = context.Broker;
        reader.ReadInt32();
        int maxWaitMs = reader.ReadInt32();
        int minBytes = reader.ReadInt32();
        int maxBytes = reader.ReadInt32();
        sbyte isolationLevel = reader.ReadInt8();
        int sessionId = 0;
        int sessionEpoch = -1;
        if (version >= 7)
        {
            sessionId = reader.ReadInt32();
            sessionEpoch = reader.ReadInt32();
        }

        var topics = new List<(string Name, List<FetchPartitionRequest> Partitions)>();
        int topicCount = reader.ReadArrayLength();
        for (int t = 0; t < topicCount; t++)
        {
            string name = reader.ReadString();
            int partitionCount = reader.ReadArrayLength();
            var partitions = new List<FetchPartitionRequest>(Math.Max(partitionCount, 0));
            for (int p = 0; p < partitionCount; p++)
            {
                int index = reader.ReadInt32();
                if (version >= 9)
                {
                    reader.ReadInt32();
                }

                long fetchOffset = reader.ReadInt64();
                if (version >= 5)
                {
                    reader.ReadInt64();
                }

                int partitionMaxBytes = reader.ReadInt32();
                partitions.Add(new FetchPartitionRequest(name, index, fetchOffset, partitionMaxBytes));
            }

            topics.Add((name, partitions));
        }

        if (version >= 7)
        {
            int forgotten = reader.ReadArrayLength();
            for (int i = 0; i < forgotten; i++)
            {
                reader.ReadString();
                int indexes = reader.ReadArrayLength();
                reader.Skip(4 * Math.Max(indexes, 0));
            }
        }

        if (version >= 11)
        {
            reader.ReadString();
        }

        if (sessionId != 0 || sessionEpoch > 0)
        {
            writer.WriteInt32(0);
            writer.WriteError(ErrorCode.FetchSessionIdNotFound);
            writer.WriteInt32(0);
            writer.WriteArrayLength(0);
            return true;
        }

        long deadline = broker.NowMs + Math.Max(maxWaitMs, 0);
        int start = writer.Length;
        var fetched = new Dictionary<string, (int Bytes, int Records)>(StringComparer.Ordinal);
        while (true)
        {
            var signals = new List<Task>();
            fetched.Clear();
            bool anyError = false;
            int total = 0;
            writer.WriteInt32(0);
            if (version >= 7)
            {
                writer.WriteError(ErrorCode.None);
                writer.WriteInt32(0);
            }

            writer.WriteArrayLength(topics.Count);
            foreach (var (name, partitions) in topics)
            {
                writer.WriteString(name);
                writer.WriteArrayLength(partitions.Count);
                var topic = broker.Topics.Get(name);
                foreach (var request in partitions)
                {
                    var log = topic?.Partition(request.Partition);
                    if (log is not null)
                    {
                        signals.Add(log.WhenAppended);
                    }

                    var result = WritePartition(writer, request, log, maxBytes - total, total == 0, isolationLevel, version);
                    anyError |= result.Error != ErrorCode.None;
                    total += result.Bytes;
                    if (result.Bytes > 0)
                    {
                        var sum = fetched.GetValueOrDefault(name);
                        fetched[name] = (sum.Bytes + result.Bytes, sum.Records + result.Records);
                    }
                }
            }

            long remaining = deadline - broker.NowMs;
            if (total >= minBytes || anyError || remaining <= 0 || signals.Count == 0 || cancellationToken.IsCancellationRequested)
            {
                break;
            }

            writer.Truncate(start);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var delay = Task.Delay(TimeSpan.FromMilliseconds(remaining), broker.Time, timeout.Token);
            signals.Add(delay);
            await Task.WhenAny(signals).ConfigureAwait(false);
            await timeout.CancelAsync().ConfigureAwait(false);
        }

        foreach (var (name, (bytes, records)) in fetched)
        {
            broker.Metrics.RecordFetched(name, bytes, records);
        }

        return true;
    }

    private static ReadResult WritePartition(
        KafkaWriter writer, FetchPartitionRequest request, PartitionLog? log, int budget, bool first, sbyte isolationLevel, short version)
    {
        writer.WriteInt32(request.Partition);
        int errorPosition = writer.Length;
        writer.WriteError(ErrorCode.None);
        int highWatermarkPosition = writer.Length;
        writer.WriteInt64(-1); // high_watermark
        writer.WriteInt64(-1); // last_stable_offset (v4+)
        if (version >= 5)
        {
            writer.WriteInt64(-1); // log_start_offset (v5+)
        }

        writer.WriteArrayLength(isolationLevel == 0 ? -1 : 0);
        if (version >= 11)
        {
            writer.WriteInt32(-1);
        }

        int recordsLengthPosition = writer.ReserveInt32();
        ReadResult result;
        if (log is null)
        {
            result = new ReadResult(ErrorCode.UnknownTopicOrPartition, 0, 0, -1, -1);
        }
        else
        {
            int limit = Math.Min(request.MaxBytes, budget);
            result = limit <= 0 && !first
                ? new ReadResult(ErrorCode.None, 0, 0, log.LogEndOffset, log.LogStartOffset)
                : log.Read(request.FetchOffset, Math.Max(limit, 0), first, writer);
        }

        writer.PatchInt16(errorPosition, (short)result.Error);
        writer.PatchInt64(highWatermarkPosition, result.HighWatermark);
        writer.PatchInt64(highWatermarkPosition + 8, result.HighWatermark);
        if (version >= 5)
        {
            writer.PatchInt64(highWatermarkPosition + 16, result.LogStartOffset);
        }

        writer.PatchInt32(recordsLengthPosition, result.Bytes);
        return result;
    }
}
