namespace LoadGenerator.Production;

/// <summary>What travels with a message through the producer flow: its event id and when it was handed to the producer.</summary>
/// <param name="HandedAt">A <see cref="System.Diagnostics.Stopwatch"/> timestamp.</param>
public readonly record struct SentEvent(long EventId, long HandedAt);
