namespace HeuristicsBench.Analysis.Paper;

/// <summary>
/// One recovery event of the paper's method: a run of consecutive marked samples
/// [<see cref="StartIndex"/>, <see cref="EndIndex"/>] and its duration, the difference of their times.
/// </summary>
public sealed record RecoverySpan(int StartIndex, int EndIndex, double StartTime, double EndTime)
{
    public double DurationSeconds => EndTime - StartTime;
}
