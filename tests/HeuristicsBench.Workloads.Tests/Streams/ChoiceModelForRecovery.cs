namespace HeuristicsBench.Workloads.Tests.Streams;

/// <summary>A second, disjoint model for drift tests (x then one of y1/y2 then z).</summary>
internal sealed class ChoiceModelForRecovery
{
    public ChoiceModel Model { get; } = new("xyz2", "x", ["y1", "y2"], "z", TimeSpan.FromSeconds(20));
}
