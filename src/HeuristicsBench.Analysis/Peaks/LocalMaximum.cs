namespace HeuristicsBench.Analysis.Peaks;

/// <summary>
/// A local maximum of a sampled signal: <see cref="Index"/> is the sample reported for it, the middle of the
/// flat top [<see cref="LeftEdge"/>, <see cref="RightEdge"/>] (rounded down when the top has an even number
/// of samples). A single-sample maximum has both edges equal to its index.
/// </summary>
public readonly record struct LocalMaximum(int Index, int LeftEdge, int RightEdge);
