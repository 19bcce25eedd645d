namespace HeuristicsBench.ChaosMesh;

/// <summary>How often and how long <see cref="KubernetesNemesis"/> waits for Chaos Mesh.</summary>
public sealed record KubernetesNemesisOptions
{
    /// <summary>Between two reads of an object's status.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>From create to AllInjected=True (a Schedule's child: from the planned firing).</summary>
    public TimeSpan InjectTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>From delete to the object being gone (Chaos Mesh removes it once recovered), or to a child's AllRecovered=True.</summary>
    public TimeSpan RecoverTimeout { get; init; } = TimeSpan.FromSeconds(60);
}
