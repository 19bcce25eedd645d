using HeuristicsBench.EventLogs;
using HeuristicsBench.Workloads.Pacing;
using HeuristicsBench.Workloads.Streams;

namespace LoadGenerator.Streams;

/// <summary>Which stream to make and how to pace it; the part of the settings that <c>generate</c> and <c>produce</c> share.</summary>
/// <param name="Model">Built-in model name or a .yaml / .ptree file.</param>
/// <param name="DriftTo">Model that new cases switch (or morph) to from event <paramref name="DriftAt"/> on.</param>
/// <param name="DriftAt">Where the drift starts; null means the middle of the stream, which needs a known length.</param>
/// <param name="DriftOver">0: switch at once; otherwise morph over this many events.</param>
/// <param name="Pace">Wall-clock pacing; null emits as fast as the output takes events.</param>
/// <param name="Replay">An event log to replay instead of simulating a model (no ground truth then).</param>
/// <param name="CasePrefix">
/// Put before every case id: simulated ids are this and a running number (null: <see cref="StreamSettings.DefaultCasePrefix"/>);
/// replayed ids are the log's with this in front (null: unchanged).
/// </param>
public sealed record StreamSpec(
    string Model,
    ulong Seed,
    int Concurrency,
    NoiseSettings Noise,
    string? DriftTo,
    long? DriftAt,
    long DriftOver,
    LoadShape? Pace,
    DateTimeOffset Start,
    string? Replay = null,
    string? CasePrefix = null)
{
    /// <summary>The settings a simulated stream is generated with.</summary>
    public StreamSettings Settings => new(Seed, Concurrency, Noise, Start, CasePrefix ?? StreamSettings.DefaultCasePrefix);

    /// <summary>The replay of <see cref="Replay"/>, at most <paramref name="limit"/> events.</summary>
    public IEnumerable<StreamEvent> ReplayEvents(long limit) =>
        LogReplay.Events(Replay ?? throw new InvalidOperationException("not a replay"), null, Start, limit, CasePrefix ?? "");

    /// <summary>A model's stream with the CLI's defaults: no noise, no drift, no pacing.</summary>
    public static StreamSpec Of(string model, ulong seed = 1, int concurrency = 100) =>
        new(model, seed, concurrency, NoiseSettings.None, DriftTo: null, DriftAt: null, DriftOver: 0, Pace: null, StreamSettings.DefaultStart);
}
