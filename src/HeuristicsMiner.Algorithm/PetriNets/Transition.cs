namespace HeuristicsMiner.Algorithm.PetriNets;

/// <summary>
/// A transition of a <see cref="PetriNet"/>. The id is unique among the places and transitions of its net;
/// <paramref name="Label"/> is the activity it records, or <see langword="null"/> for a silent (invisible, tau) transition.
/// </summary>
public sealed record Transition(string Id, string? Label)
{
    /// <summary>True when the transition records no activity.</summary>
    public bool IsSilent => Label is null;
}
