using HeuristicsBench.Workloads.Randomness;

namespace HeuristicsBench.Workloads.Models;

/// <summary>
/// A reference process model: simulates whole cases and knows its true causal relations. "Step" is the
/// stream position (events emitted so far) at which a case starts; models whose probabilities drift over
/// steps read it, others ignore it.
/// </summary>
public interface IProcessModel
{
    string Name { get; }

    /// <summary>Visible activities, sorted ordinally.</summary>
    IReadOnlyList<string> Activities { get; }

    /// <summary>Simulates one complete case, appending its visible events in order to <paramref name="steps"/>.</summary>
    void SimulateCase(DeterministicRandom random, long step, List<SimulatedStep> steps);

    /// <summary>The true causal relations at a stream position, from the model's structure.</summary>
    GroundTruth TruthAt(long step);

    /// <summary>
    /// Stream positions at which <see cref="TruthAt"/> may change (e.g. where a drifting probability reaches or
    /// leaves 0); empty for models whose truth never changes.
    /// </summary>
    IReadOnlyList<long> TruthChangeSteps => [];

    /// <summary>Whether <paramref name="trace"/> (visible activities) is a complete trace of the model at that step.</summary>
    bool Accepts(IReadOnlyList<string> trace, long step);
}
