namespace HeuristicsBench.Results.Runs;

/// <summary>What one checker concluded about a run: <see cref="Detail"/> says why, with the numbers it compared.</summary>
public sealed record CheckerVerdict(string Checker, bool Passed, string Detail);
