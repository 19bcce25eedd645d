namespace HeuristicsMiner.Checkpoints;

/// <summary>One partition of one input topic: the unit of miner state.</summary>
public readonly record struct PartitionId(string Topic, int Partition)
{
    public override string ToString() => $"{Topic}-{Partition}";
}
