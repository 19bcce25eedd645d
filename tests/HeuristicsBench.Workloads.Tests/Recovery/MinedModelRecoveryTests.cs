using HeuristicsBench.Workloads.Fidelity;
using HeuristicsBench.Workloads.Models;
using HeuristicsBench.Workloads.Streams;
using HeuristicsBench.Workloads.Truth;
using HeuristicsMiner.Algorithm.Model;
using HeuristicsMiner.Algorithm.Summaries;

namespace HeuristicsBench.Workloads.Tests.Recovery;

/// <summary>The benchmark's premise: mining a noise-free stream of a model that meets the heuristics miner's
/// assumptions recovers the model's true causal relations, and noise or drift shows up in fidelity.</summary>
public class MinedModelRecoveryTests
{
    private static HeuristicsNet Mine(IProcessModel model, long events, double epsilon, NoiseSettings? noise = null)
    {
        var summary = new LossyCountingSummary(epsilon);
        foreach (var e in new EventStreamGenerator(ModelSchedule.Of(model), new StreamSettings(Seed: 11, Noise: noise)).Generate(events))
            summary.Observe(e.CaseId, e.Activity);
        return HeuristicsNetBuilder.Build(summary.GetCounts(), ModelThresholds.Default);
    }

    public static TheoryData<string> Models => [.. ModelCatalog.BuiltInNames.Where(n => n != "random")];

    [Theory]
    [MemberData(nameof(Models))]
    public void A_noise_free_stream_mined_with_small_epsilon_recovers_the_truth(string name)
    {
        var model = ModelCatalog.Load(name, 1);
        var fidelity = ArcFidelity.Of(Mine(model, 60_000, 0.0005), model.TruthAt(0));
        Assert.True(fidelity.F1 == 1, $"{name}: precision {fidelity.Precision:F3}, recall {fidelity.Recall:F3} ({fidelity})");
    }

    [Fact]
    public void Heavy_insertion_noise_lowers_precision()
    {
        var model = ModelCatalog.Load("assembly-line", 1);
        var fidelity = ArcFidelity.Of(Mine(model, 60_000, 0.0005, new NoiseSettings(Insert: 0.3)), model.TruthAt(0));
        Assert.True(fidelity.Precision < 1, $"noise left precision at {fidelity.Precision}");
    }

    [Fact]
    public void After_a_switch_the_window_miner_matches_the_new_truth_and_not_the_old()
    {
        var first = ModelCatalog.Load("assembly-line", 1);
        var second = new Streams.ChoiceModelForRecovery().Model;
        var schedule = new ModelSchedule([new ModelSegment(0, first), new ModelSegment(40_000, second)]);
        var window = new SlidingWindowSummary(20_000);
        foreach (var e in new EventStreamGenerator(schedule, new StreamSettings(Seed: 3)).Generate(80_000))
            window.Observe(e.CaseId, e.Activity);
        var net = HeuristicsNetBuilder.Build(window.GetCounts(), ModelThresholds.Default);
        var segments = GroundTruthTimeline.For(schedule, 80_000);
        Assert.Equal(40_000, segments[1].FromEvent);
        Assert.Equal(1, ArcFidelity.Of(net, segments[1].Truth).F1);
        Assert.Equal(0, ArcFidelity.Of(net, segments[0].Truth).TruePositives);
    }
}
