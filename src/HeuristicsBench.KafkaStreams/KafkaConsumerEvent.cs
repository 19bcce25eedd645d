namespace HeuristicsBench.KafkaStreams;

/// <summary>
/// One element of <see cref="KafkaConsumerSource"/>: a record or a partition lifecycle event. All of them come
/// out in the order the consumer saw them, so a partition's <see cref="PartitionsAssigned"/> precedes its records
/// and its <see cref="PartitionsRevoked"/> or <see cref="PartitionsLost"/> follows them.
/// </summary>
public abstract record KafkaConsumerEvent;
