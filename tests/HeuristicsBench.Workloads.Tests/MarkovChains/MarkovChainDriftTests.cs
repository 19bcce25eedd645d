using HeuristicsBench.Workloads.MarkovChains;
using static HeuristicsBench.Workloads.Tests.MarkovChains.MarkovChainAssertions;

namespace HeuristicsBench.Workloads.Tests.MarkovChains;

public class MarkovChainDriftTests
{
    private readonly MarkovChainModel _model = TestChains.Load(TestChains.Drifting);

    [Theory]
    [InlineData(0, 0.0)]
    [InlineData(100, 0.0)]
    [InlineData(101, 0.001)]
    [InlineData(600, 0.5)]
    [InlineData(1100, 1.0)]
    [InlineData(50_000, 1.0)]
    public void Progress_is_clamped_linear_from_drift_start_over_its_steps(long step, double expected) =>
        Assert.Equal(expected, _model.DriftProgressAt(step), 12);

    [Fact]
    public void Probabilities_at_start_middle_and_end_of_the_drift()
    {
        Assert.Equal([0.5, 0.5, 0.0], _model.ProbabilitiesAt("S", 0));
        AssertClose([0.65, 0.25, 0.1], _model.ProbabilitiesAt("S", 600));
        Assert.Equal([0.8, 0.0, 0.2], _model.ProbabilitiesAt("S", 1100));
        Assert.Equal([1.0], _model.ProbabilitiesAt("T", 600));
    }

    [Fact]
    public void Truth_before_during_and_after_the_drift()
    {
        // Before: late has p = 0, so neither late nor late→t exists.
        TruthIs(_model.TruthAt(0),
            activities: ["go", "skip", "t", "u"],
            relations: Relations("go->t", "skip->u"),
            starts: ["go", "skip"],
            ends: ["t", "u"]);
        Assert.True(SameTruth(_model.TruthAt(0), _model.TruthAt(100)));

        // Inside: every event with a positive probability at either end is possible.
        TruthIs(_model.TruthAt(600),
            activities: ["go", "late", "skip", "t", "u"],
            relations: Relations("go->t", "late->t", "skip->u"),
            starts: ["go", "late", "skip"],
            ends: ["t", "u"]);
        Assert.True(SameTruth(_model.TruthAt(600), _model.TruthAt(101)));
        Assert.True(SameTruth(_model.TruthAt(600), _model.TruthAt(1099)));

        // After: skip drifted to 0, so skip→u disappears, and U (reachable only through skip) with it.
        TruthIs(_model.TruthAt(1100),
            activities: ["go", "late", "t"],
            relations: Relations("go->t", "late->t"),
            starts: ["go", "late"],
            ends: ["t"]);
    }

    [Fact]
    public void Truth_change_steps_are_where_the_truth_changes()
    {
        Assert.Equal([101L, 1100L], _model.TruthChangeSteps);
        foreach (var s in _model.TruthChangeSteps)
            Assert.False(SameTruth(_model.TruthAt(s - 1), _model.TruthAt(s)));
    }

    [Fact]
    public void Sampled_frequencies_follow_the_drifted_probabilities()
    {
        foreach (var (step, expectedGo, expectedSkip, expectedLate) in new[] { (0L, 0.5, 0.5, 0.0), (600L, 0.65, 0.25, 0.1), (1100L, 0.8, 0.0, 0.2) })
        {
            var firsts = SimulateCases(_model, 3, step, 20_000).Select(t => t[0].Activity).ToList();
            Assert.Equal(expectedGo, Fraction(firsts, "go"), 0.015);
            Assert.Equal(expectedSkip, Fraction(firsts, "skip"), 0.015);
            Assert.Equal(expectedLate, Fraction(firsts, "late"), 0.015);
        }
    }

    [Fact]
    public void Replay_uses_the_probabilities_of_the_step()
    {
        Assert.True(_model.Accepts(["skip", "u"], 0));
        Assert.True(_model.Accepts(["skip", "u"], 1099));
        Assert.False(_model.Accepts(["skip", "u"], 1100));
        Assert.False(_model.Accepts(["late", "t"], 100));
        Assert.True(_model.Accepts(["late", "t"], 101));
    }

    [Fact]
    public void Sampled_behaviour_matches_the_truth_at_each_phase()
    {
        SampledBehaviourMatchesTruth(_model, 0, 2000);
        SampledBehaviourMatchesTruth(_model, 600, 2000);
        SampledBehaviourMatchesTruth(_model, 5000, 2000);
    }

    [Fact]
    public void Zero_steps_means_a_sudden_change_at_the_drift_start()
    {
        var model = TestChains.Load(TestChains.Drifting.Replace("steps: 1000", "steps: 0", StringComparison.Ordinal));

        Assert.Equal(0.0, model.DriftProgressAt(99));
        Assert.Equal(1.0, model.DriftProgressAt(100));
        Assert.Equal([100L], model.TruthChangeSteps);
        Assert.DoesNotContain("skip", model.TruthAt(100).Activities);
        Assert.Contains("skip", model.TruthAt(99).Activities);
    }

    private static double Fraction(List<string> values, string value) =>
        values.Count(v => v == value) / (double)values.Count;

    private static void AssertClose(double[] expected, IReadOnlyList<double> actual)
    {
        Assert.Equal(expected.Length, actual.Count);
        for (var i = 0; i < expected.Length; i++)
            Assert.Equal(expected[i], actual[i], 12);
    }
}
