namespace HeuristicsBench.KafkaStreams;

/// <summary>Settings of <see cref="KafkaProducerFlow"/>.</summary>
public sealed record KafkaProducerSettings
{
    /// <summary>Most messages handed to the producer and not yet acknowledged; upstream is back-pressured beyond it.</summary>
    public int Parallelism { get; init; } = 1000;
}
