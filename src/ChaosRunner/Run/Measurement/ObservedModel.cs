namespace ChaosRunner.Run.Measurement;

/// <summary>A model message the runner read from the model topic: when it arrived (Unix seconds), the offsets it reflects, its event count and its JSON.</summary>
public sealed record ObservedModel(double Time, IReadOnlyDictionary<int, long> Offsets, long EventsProcessed, byte[] Json);
