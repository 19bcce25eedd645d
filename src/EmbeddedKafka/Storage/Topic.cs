namespace EmbeddedKafka.Storage;

/// <summary>A topic: its configuration and one log per partition.</summary>
public sealed class Topic
{
    internal Topic(string name, TopicConfig config, IReadOnlyList<PartitionLog> partitions)
    {
        Name = name;
        Config = config;
        Partitions = partitions;
    }

    public string Name { get; }

    public TopicConfig Config { get; }

    public IReadOnlyList<PartitionLog> Partitions { get; }

    public PartitionLog? Partition(int index) =>
        index >= 0 && index < Partitions.Count ? Partitions[index] : null;
}
