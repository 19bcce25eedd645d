namespace EmbeddedKafka.Storage;

/// <summary>What a partition remembers of one producer id: its epoch and last five batches (Kafka keeps five).</summary>
internal sealed class ProducerState
{
    public const int RememberedBatches = 5;

    public ProducerState(short epoch)
    {
        Epoch = epoch;
    }

    public short Epoch { get; set; }

    public Queue<ProducerBatchRecord> Batches { get; } = new();

    public int LastSequence => Batches.Count == 0 ? -1 : Batches.Last().LastSequence;

    public void Add(ProducerBatchRecord batch)
    {
        Batches.Enqueue(batch);
        while (Batches.Count > RememberedBatches)
        {
            Batches.Dequeue();
        }
    }
}
