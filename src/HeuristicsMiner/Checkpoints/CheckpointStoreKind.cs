namespace HeuristicsMiner.Checkpoints;

public enum CheckpointStoreKind
{
    /// <summary><see cref="KafkaCheckpointStore"/>: a topic per consumer group.</summary>
    Kafka,

    /// <summary><see cref="DirectoryCheckpointStore"/>: files in a directory per consumer group.</summary>
    Directory,
}
