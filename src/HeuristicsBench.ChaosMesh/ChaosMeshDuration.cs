using HeuristicsBench.Experiments;

namespace HeuristicsBench.ChaosMesh;

/// <summary>
/// Durations as Chaos Mesh reads them (Go's <c>time.ParseDuration</c>: <c>30s</c>, <c>1m30s</c>, <c>250ms</c>,
/// <c>-10m</c>). The experiment file's syntax is a subset of Go's, so its shortest text is reused; zero is <c>0s</c>.
/// </summary>
public static class ChaosMeshDuration
{
    public static string Format(TimeSpan value) => value == TimeSpan.Zero ? "0s" : DurationText.Format(value);
}
