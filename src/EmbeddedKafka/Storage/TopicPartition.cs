namespace EmbeddedKafka.Storage;

/// <summary>A topic name and partition index.</summary>
public readonly record struct TopicPartition(string Topic, int Partition)
{
    public override string ToString() => $"{Topic}-{Partition}";
}
