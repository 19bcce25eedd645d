namespace HeuristicsBench.Analysis.Peaks;

/// <summary>
/// The prominence of a peak (its height above the higher of its two bases) and the bases' indices: the
/// lowest samples between the peak and the nearest strictly higher sample (or the signal's end) on each side.
/// </summary>
public readonly record struct Prominence(double Value, int LeftBase, int RightBase);
