using HeuristicsBench.Workloads.MarkovChains;
using HeuristicsBench.Workloads.Models;
using HeuristicsBench.Workloads.Randomness;
using static HeuristicsBench.Workloads.Tests.MarkovChains.MarkovChainAssertions;

namespace HeuristicsBench.Workloads.Tests.MarkovChains;

public class MarkovChainSimulationTests
{
    [Fact]
    public void The_same_seed_gives_the_same_cases_and_another_seed_differs()
    {
        var model = MarkovChainLibrary.Load("assembly-line");

        var a = SimulateCases(model, 42, 0, 500).SelectMany(c => c).ToList();
        var b = SimulateCases(model, 42, 0, 500).SelectMany(c => c).ToList();
        var c = SimulateCases(model, 43, 0, 500).SelectMany(c => c).ToList();

        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void Every_simulated_case_is_accepted_across_many_seeds_and_steps()
    {
        var models = new[] { TestChains.Load(TestChains.SharedAndLoop), TestChains.Load(TestChains.SharedActivity), TestChains.Load(TestChains.Drifting), MarkovChainLibrary.Load("assembly-line") };
        foreach (var model in models)
        {
            foreach (var step in new long[] { 0, 100, 600, 1100, 50_000, 100_000 })
            {
                for (ulong seed = 1; seed <= 50; seed++)
                {
                    foreach (var trace in SimulateCases(model, seed, step, 40))
                    {
                        var activities = trace.Select(s => s.Activity).ToList();
                        Assert.True(model.Accepts(activities, step), $"{model.Name} step {step} seed {seed}: [{string.Join(", ", activities)}]");
                    }
                }
            }
        }
    }

    [Fact]
    public void Events_carry_their_state_as_node_and_durations_from_their_distribution()
    {
        var model = TestChains.Load(TestChains.SharedAndLoop);
        var expectedNode = new Dictionary<string, string> { ["a1"] = "A", ["a2"] = "A", ["b"] = "B", ["c"] = "C", ["d"] = "D", ["x"] = "D" };

        foreach (var step in SimulateCases(model, 5, 0, 2000).SelectMany(c => c))
        {
            Assert.Equal(expectedNode[step.Activity], step.Node);
            switch (step.Activity)
            {
                case "b":
                    Assert.Equal(TimeSpan.FromSeconds(2), step.Duration);
                    break;
                case "c":
                    Assert.InRange(step.Duration, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3));
                    break;
                case "d":
                    Assert.InRange(step.Duration, TimeSpan.Zero, TimeSpan.FromSeconds(12));
                    break;
                default:
                    Assert.Equal(TimeSpan.FromSeconds(1), step.Duration);
                    break;
            }
        }
    }

    [Fact]
    public void Sampled_directly_follows_pairs_are_the_truth_on_the_small_chains()
    {
        SampledBehaviourMatchesTruth(TestChains.Load(TestChains.SharedAndLoop), 0, 2000);
        SampledBehaviourMatchesTruth(TestChains.Load(TestChains.SharedActivity), 0, 2000);
    }

    [Fact]
    public void Sampled_directly_follows_pairs_are_the_truth_on_the_assembly_line()
    {
        var model = MarkovChainLibrary.Load("assembly-line");
        SampledBehaviourMatchesTruth(model, 0, 20_000);
        SampledBehaviourMatchesTruth(model, 100_000, 20_000);
    }

    [Fact]
    public void A_case_hitting_the_length_cap_throws_and_appends_nothing()
    {
        var model = TestChains.Load("""
            name: nearly-endless
            start: A
            maxCaseLength: 10
            states:
              A:
                events:
                  - {activity: again, probability: 0.999999, duration: 1s, next: A}
                  - {activity: stop, probability: 0.000001, duration: 1s, next: end}
            """);
        var steps = new List<SimulatedStep> { new("earlier", TimeSpan.Zero, "X") };

        var error = Assert.Throws<InvalidOperationException>(() => model.SimulateCase(new DeterministicRandom(1), 0, steps));

        Assert.Contains("maxCaseLength = 10", error.Message, StringComparison.Ordinal);
        Assert.Equal([new SimulatedStep("earlier", TimeSpan.Zero, "X")], steps);
    }

    [Fact]
    public void Simulation_appends_to_the_list_after_existing_events()
    {
        var model = TestChains.Load(TestChains.SharedActivity);
        var steps = new List<SimulatedStep> { new("earlier", TimeSpan.Zero, "X") };

        model.SimulateCase(new DeterministicRandom(9), 0, steps);

        Assert.Equal(4, steps.Count);
        Assert.Equal("earlier", steps[0].Activity);
        Assert.True(model.Accepts(steps.Skip(1).Select(s => s.Activity).ToList(), 0));
    }
}
