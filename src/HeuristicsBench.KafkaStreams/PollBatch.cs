namespace HeuristicsBench.KafkaStreams;

/// <summary>
/// Events the poll thread took from the consumer for one request of the stage, in order, and the last seek
/// generation the poll thread had carried out before taking them (older records of a partition sought since are
/// dropped by the stage).
/// </summary>
internal sealed record PollBatch(IReadOnlyList<KafkaConsumerEvent> Events, long SeekGeneration);
