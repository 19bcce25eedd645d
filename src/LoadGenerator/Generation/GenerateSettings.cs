using HeuristicsBench.Workloads.Pacing;
using HeuristicsBench.Workloads.Streams;

namespace LoadGenerator.Generation;

/// <summary>Everything one <c>generate</c> run needs.</summary>
/// <param name="Output">File to write, or "-" for standard output.</param>
/// <param name="DriftTo">Model that new cases switch (or morph) to from event <paramref name="DriftAt"/> on.</param>
/// <param name="DriftOver">0: switch at once; otherwise morph over this many events.</param>
/// <param name="Replay">An event log to replay instead of simulating a model (Events then limits it).</param>
public sealed record GenerateSettings(
    string Model,
    long Events,
    ulong Seed,
    string Output,
    OutputFormat Format,
    string? GroundTruth,
    int Concurrency,
    NoiseSettings Noise,
    string? DriftTo,
    long DriftAt,
    long DriftOver,
    LoadShape? Pace,
    DateTimeOffset Start,
    bool Quiet,
    string? Replay = null);
