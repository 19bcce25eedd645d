using HeuristicsBench.Workloads.Models;
using HeuristicsBench.Workloads.Randomness;

namespace HeuristicsBench.Workloads.Tests.Streams;

/// <summary>A tiny test model: start, then one of the middle activities (uniformly), then end; constant durations.</summary>
internal sealed class ChoiceModel(string name, string start, string[] middle, string end, TimeSpan duration) : IProcessModel
{
    public string Name => name;

    public IReadOnlyList<string> Activities { get; } = [.. middle.Append(start).Append(end).Order(StringComparer.Ordinal)];

    public void SimulateCase(DeterministicRandom random, long step, List<SimulatedStep> steps)
    {
        steps.Add(new SimulatedStep(start, duration, name));
        steps.Add(new SimulatedStep(middle[random.NextInt(middle.Length)], duration, name));
        steps.Add(new SimulatedStep(end, duration, name));
    }

    public GroundTruth TruthAt(long step) => new(
        Activities,
        [.. middle.SelectMany(m => new[] { new CausalRelation(start, m), new CausalRelation(m, end) })
            .OrderBy(r => r.From, StringComparer.Ordinal).ThenBy(r => r.To, StringComparer.Ordinal)],
        [start], [end]);

    public bool Accepts(IReadOnlyList<string> trace, long step) =>
        trace.Count == 3 && trace[0] == start && middle.Contains(trace[1]) && trace[2] == end;

    public static ChoiceModel Abc { get; } = new("abc", "a", ["b1", "b2"], "c", TimeSpan.FromSeconds(10));

    public static ChoiceModel Xyz { get; } = new("xyz", "x", ["y"], "z", TimeSpan.FromSeconds(10));
}
