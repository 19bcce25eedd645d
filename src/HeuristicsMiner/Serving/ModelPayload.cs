namespace HeuristicsMiner.Serving;

/// <summary>Body of a model-topic message.</summary>
public enum ModelPayload
{
    /// <summary>The fields of <c>mine --format json</c> over the merged state, plus offsets, group, instance, publishedAt.</summary>
    Json,

    /// <summary>The reference paper's serialisable Petri net (offsets etc. in headers only).</summary>
    PaperPetriNet,
}
