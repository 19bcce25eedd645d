using HeuristicsBench.Workloads.Models;

namespace HeuristicsBench.Workloads.MarkovChains;

/// <summary>
/// One choice of a Markov state: emit <see cref="Activity"/> taking <see cref="Duration"/>, with
/// <see cref="Probability"/>, then go to the state <see cref="Next"/> (or <see cref="MarkovChainDefinition.End"/>).
/// </summary>
public sealed record MarkovEvent(string Activity, MarkovProbability Probability, DurationDistribution Duration, string Next);
