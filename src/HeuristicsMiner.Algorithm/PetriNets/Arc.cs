namespace HeuristicsMiner.Algorithm.PetriNets;

/// <summary>A flow arc of weight one, from a place to a transition or from a transition to a place.</summary>
public sealed record Arc(string SourceId, string TargetId);
