namespace HeuristicsBench.Analysis.Peaks;

/// <summary>A local maximum together with its prominence.</summary>
public readonly record struct Peak(LocalMaximum Maximum, Prominence Prominence)
{
    public int Index => Maximum.Index;
}
