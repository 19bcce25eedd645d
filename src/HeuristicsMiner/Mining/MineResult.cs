using HeuristicsMiner.Algorithm.Model;

namespace HeuristicsMiner.Mining;

/// <summary>The outcome of an offline run: the model and how long reading and counting took.</summary>
public sealed record MineResult(MinedModel Model, long Events, int Entries, TimeSpan Elapsed)
{
    public double EventsPerSecond => Elapsed.TotalSeconds > 0 ? Events / Elapsed.TotalSeconds : 0;
}
