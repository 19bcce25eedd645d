using EmbeddedKafka.Protocol;

namespace EmbeddedKafka.Storage;

/// <summary>
/// Idempotent-producer bookkeeping for one partition, following Kafka's rules: a batch whose sequence range
/// equals one of the producer's last five is a duplicate (answered with the original offset, not appended);
/// otherwise the first sequence must follow the last one; a newer epoch must start at sequence 0; an older
/// epoch is fenced. Rebuilt from the batch headers in the log when the broker starts.
/// </summary>
internal sealed class ProducerStateTable
{
    private readonly Dictionary<long, ProducerState> _producers = [];

    public SequenceCheck Check(in RecordBatchHeader header)
    {
        if (header.ProducerId < 0)
        {
            return SequenceCheck.Append;
        }

        if (!_producers.TryGetValue(header.ProducerId, out var state))
        {
            // Unknown producer (new, or its batches were removed by retention): accept any first sequence.
            return SequenceCheck.Append;
        }

        if (header.ProducerEpoch < state.Epoch)
        {
            return new SequenceCheck(ErrorCode.InvalidProducerEpoch, -1);
        }

        if (header.ProducerEpoch > state.Epoch)
        {
            return header.BaseSequence == 0
                ? SequenceCheck.Append
                : new SequenceCheck(ErrorCode.OutOfOrderSequenceNumber, -1);
        }

        int lastSequence = LastSequenceOf(header);
        foreach (var batch in state.Batches)
        {
            if (batch.FirstSequence == header.BaseSequence && batch.LastSequence == lastSequence)
            {
                return new SequenceCheck(ErrorCode.None, batch.BaseOffset);
            }
        }

        int expected = state.LastSequence == int.MaxValue ? 0 : state.LastSequence + 1;
        return header.BaseSequence == expected
            ? SequenceCheck.Append
            : new SequenceCheck(ErrorCode.OutOfOrderSequenceNumber, -1);
    }

    /// <summary>Remembers an appended batch; <paramref name="header"/> carries the assigned base offset.</summary>
    public void Record(in RecordBatchHeader header)
    {
        if (header.ProducerId < 0)
        {
            return;
        }

        if (!_producers.TryGetValue(header.ProducerId, out var state) || header.ProducerEpoch != state.Epoch)
        {
            state = new ProducerState(header.ProducerEpoch);
            _producers[header.ProducerId] = state;
        }

        state.Add(new ProducerBatchRecord(header.BaseSequence, LastSequenceOf(header), header.BaseOffset));
    }

    public long MaxProducerId => _producers.Count == 0 ? -1 : _producers.Keys.Max();

    private static int LastSequenceOf(in RecordBatchHeader header)
    {
        // Sequences wrap at int.MaxValue (Kafka's DefaultRecordBatch.incrementSequence).
        long last = (long)header.BaseSequence + header.LastOffsetDelta;
        return last > int.MaxValue ? (int)(last - int.MaxValue - 1) : (int)last;
    }
}
