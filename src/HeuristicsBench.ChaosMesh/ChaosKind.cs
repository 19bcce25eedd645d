namespace HeuristicsBench.ChaosMesh;

/// <summary>
/// A Chaos Mesh v1alpha1 resource kind: its <see cref="Kind"/>, URL <see cref="Plural"/>, and the field that holds
/// its spec inside a Schedule (<see cref="ScheduleField"/>, with <c>spec.type</c> = <see cref="Kind"/>).
/// </summary>
public sealed record ChaosKind(string Kind, string Plural, string ScheduleField)
{
    public const string Group = "chaos-mesh.org";
    public const string Version = "v1alpha1";
    public const string ApiVersion = Group + "/" + Version;

    public static ChaosKind NetworkChaos { get; } = new("NetworkChaos", "networkchaos", "networkChaos");
    public static ChaosKind PodChaos { get; } = new("PodChaos", "podchaos", "podChaos");
    public static ChaosKind TimeChaos { get; } = new("TimeChaos", "timechaos", "timeChaos");
    public static ChaosKind StressChaos { get; } = new("StressChaos", "stresschaos", "stressChaos");
    public static ChaosKind Schedule { get; } = new("Schedule", "schedules", "");

    /// <summary>Every kind this backend creates, Schedules first (deleting them first stops new firings).</summary>
    public static IReadOnlyList<ChaosKind> All { get; } = [Schedule, NetworkChaos, PodChaos, TimeChaos, StressChaos];

    public static ChaosKind ByKind(string kind) =>
        All.FirstOrDefault(k => k.Kind == kind) ?? throw new ChaosMeshException($"'{kind}' is not a Chaos Mesh kind this backend knows");
}
