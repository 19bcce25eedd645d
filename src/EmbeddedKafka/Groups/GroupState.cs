namespace EmbeddedKafka.Groups;

/// <summary>Classic group states, named as Kafka's DescribeGroups reports them.</summary>
public enum GroupState
{
    Empty,
    PreparingRebalance,
    CompletingRebalance,
    Stable,
    Dead,
}
