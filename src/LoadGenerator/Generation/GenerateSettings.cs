using LoadGenerator.Streams;

namespace LoadGenerator.Generation;

/// <summary>Everything one <c>generate</c> run needs.</summary>
/// <param name="Stream">Model, seed, noise, drift, pacing, replay.</param>
/// <param name="Events">Events to write; with a replay, a limit (<see cref="long.MaxValue"/>: the whole log).</param>
/// <param name="Output">File to write, or "-" for standard output.</param>
public sealed record GenerateSettings(
    StreamSpec Stream,
    long Events,
    string Output,
    OutputFormat Format,
    string? GroundTruth,
    bool Quiet);
