namespace HeuristicsMiner.Algorithm.PetriNets;

/// <summary>A place of a <see cref="PetriNet"/>. The id is unique among the places and transitions of its net.</summary>
public sealed record Place(string Id);
