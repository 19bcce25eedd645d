namespace HeuristicsBench.Experiments;

/// <summary>
/// The steady state that must hold before the first fault and again after the last one: consumer lag at or
/// below <see cref="MaxLag"/> events for <see cref="Window"/>.
/// </summary>
public sealed record Hypothesis(long MaxLag, TimeSpan Window);
